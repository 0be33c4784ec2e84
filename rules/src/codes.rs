//! Every finding's code, declared once with what `docs/checks.md` says of it: the list of codes
//! there is generated from [`CODES`] (a tidy test keeps it in step), and a finding can only
//! carry a code declared here. E… codes are errors, W… codes warnings.

use crate::diagnostic::Severity;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    E000,
    E001,
    W001,
    E002,
    W002,
    E003,
    W003,
    E004,
    E005,
    E006,
    E010,
    E011,
    E012,
    E013,
    E014,
    E015,
    E016,
    E020,
    E021,
    E022,
    E023,
    E024,
    E025,
    E026,
    E030,
    E031,
    E032,
    E040,
    E041,
    E042,
    E043,
    W044,
    W045,
    E046,
    E047,
    E048,
    W049,
    E050,
    W051,
    E052,
    W053,
    E060,
    E061,
    E062,
    E063,
    E064,
    E070,
    W071,
    W072,
    E080,
    W081,
    W082,
}

/// What the docs say of a code.
pub struct CodeDoc {
    pub code: Code,
    /// What it means, in Vietnamese (the docs' "ý nghĩa").
    pub meaning: &'static str,
    pub meaning_en: &'static str,
    /// A message as editors see it.
    pub example: &'static str,
    /// How to fix it, in Vietnamese.
    pub fix: &'static str,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::E000 => "E000",
            Code::E001 => "E001",
            Code::W001 => "W001",
            Code::E002 => "E002",
            Code::W002 => "W002",
            Code::E003 => "E003",
            Code::W003 => "W003",
            Code::E004 => "E004",
            Code::E005 => "E005",
            Code::E006 => "E006",
            Code::E010 => "E010",
            Code::E011 => "E011",
            Code::E012 => "E012",
            Code::E013 => "E013",
            Code::E014 => "E014",
            Code::E015 => "E015",
            Code::E016 => "E016",
            Code::E020 => "E020",
            Code::E021 => "E021",
            Code::E022 => "E022",
            Code::E023 => "E023",
            Code::E024 => "E024",
            Code::E025 => "E025",
            Code::E026 => "E026",
            Code::E030 => "E030",
            Code::E031 => "E031",
            Code::E032 => "E032",
            Code::E040 => "E040",
            Code::E041 => "E041",
            Code::E042 => "E042",
            Code::E043 => "E043",
            Code::W044 => "W044",
            Code::W045 => "W045",
            Code::E046 => "E046",
            Code::E047 => "E047",
            Code::E048 => "E048",
            Code::W049 => "W049",
            Code::E050 => "E050",
            Code::W051 => "W051",
            Code::E052 => "E052",
            Code::W053 => "W053",
            Code::E060 => "E060",
            Code::E061 => "E061",
            Code::E062 => "E062",
            Code::E063 => "E063",
            Code::E064 => "E064",
            Code::E070 => "E070",
            Code::W071 => "W071",
            Code::W072 => "W072",
            Code::E080 => "E080",
            Code::W081 => "W081",
            Code::W082 => "W082",
        }
    }

    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    pub fn doc(self) -> &'static CodeDoc {
        CODES.iter().find(|d| d.code == self).expect("every code is documented")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

pub const CODES: &[CodeDoc] = &[
    CodeDoc {
        code: Code::E000,
        meaning: "Dữ liệu còn lỗi nên `site build` (và `serve`) không tạo trang; trang đã xuất bản giữ nguyên. Chỉ là dòng tổng kết, không có trong `check`.",
        meaning_en: "Data has errors: the build writes nothing (summary line of `build`/`serve` only).",
        example: "“dữ liệu có 3 lỗi, 0 cảnh báo: không tạo trang”",
        fix: "Sửa các lỗi được liệt kê phía trên rồi chạy lại.",
    },
    CodeDoc {
        code: Code::E001,
        meaning: "Sai cú pháp TOML trong tệp `.toml` hoặc phần thông tin đầu văn bản `.md`: khóa lặp, chuỗi chưa đóng ngoặc kép, thiếu `=`, tiêu đề `[...]` hay danh sách sai, ngày không có thật (2023-02-29).",
        meaning_en: "TOML syntax error (file or front matter).",
        example: "“lỗi cú pháp TOML: khóa bị lặp lại (…)”",
        fix: "Sửa dòng được chỉ ra: `khoa = giá_trị`, chuỗi trong `\"...\"`, mỗi khóa một lần, danh sách `[1, 2, 3]`.",
    },
    CodeDoc {
        code: Code::W001,
        meaning: "Tệp có đuôi khác, hoặc thư mục con, bị bỏ qua (chỉ đọc `.toml` trong `quotas/`, `reports/<năm>/`; `.md` trong `documents/`, `news/`).",
        meaning_en: "File with another extension, or a sub-folder, skipped.",
        example: "“bỏ qua tệp `data/news/ghi-chu.txt`: chỉ đọc tệp .md ở thư mục này”",
        fix: "Đổi đuôi tệp hoặc chuyển tệp, thư mục ra khỏi `data/`.",
    },
    CodeDoc {
        code: Code::E002,
        meaning: "Khóa hoặc mục không có trong định dạng. Khóa giống thông tin cá nhân (`ho_ten`, `ngay_sinh`, `cccd`, `email`…) có gợi ý riêng; trong sổ tính (`site import`): thêm hoặc đổi tên trang tính, ô bị gộp, dòng bị ẩn, cột “Khóa” bị sửa, quá 1000 dòng.",
        meaning_en: "Unknown key or section; personal-data keys get a dedicated hint.",
        example: "“khóa không hợp lệ `ho_ten`”",
        fix: "Thông tin cá nhân: xóa dòng (tệp chỉ chứa số liệu tổng hợp). Gõ sai: sửa theo khóa gợi ý “có phải là …?”.",
    },
    CodeDoc {
        code: Code::W002,
        meaning: "Tổ chức được giao chỉ tiêu năm đó nhưng chưa có tệp báo cáo.",
        meaning_en: "Organization with a quota has no report file.",
        example: "“`DN03` được giao chỉ tiêu năm 2025 nhưng chưa có báo cáo”",
        fix: "Thêm `data/reports/<năm>/<MÃ>.toml`.",
    },
    CodeDoc {
        code: Code::E003,
        meaning: "Thiếu khóa hoặc mục bắt buộc; cũng dùng khi thiếu khóa theo điều kiện: doanh nghiệp thiếu `so_huu`, chi bộ trực thuộc thiếu `truc_thuoc`, tổ chức có `sap_nhap_vao` thiếu `giai_the`, `da_gui = true` thiếu `ngay_gui`.",
        meaning_en: "Required (or conditionally required) key missing.",
        example: "“thiếu khóa bắt buộc `bien_dong.ket_nap`”",
        fix: "Thêm dòng theo gợi ý, ví dụ `ket_nap = 0`.",
    },
    CodeDoc {
        code: Code::W003,
        meaning: "Chỉ tiêu giao theo tỷ lệ (`[chi_tieu_theo_ty_le]`) nhưng không tính được cho một tổ chức: chưa có số đảng viên đầu năm (hay đầu nhiệm kỳ) của tổ chức đó.",
        meaning_en: "A quota set as a share cannot be computed: no start-of-year membership.",
        example: "“không tính được chỉ tiêu năm 2025 của `CQ09`: chưa có số đảng viên đầu năm 2025”",
        fix: "Thêm báo cáo của năm làm gốc (hoặc năm trước đó), hoặc ghi chỉ tiêu bằng số trong `[chi_tieu]`.",
    },
    CodeDoc {
        code: Code::E004,
        meaning: "Sai kiểu giá trị: chữ thay cho số, số thập phân, ngày ghi trong ngoặc kép hoặc kèm giờ, phần tử danh sách không phải số, mục không phải bảng, chỉ tiêu không phải số nguyên không âm; trong sổ tính: chữ, công thức, ngày tháng hay số thập phân trong ô số.",
        meaning_en: "Wrong value type.",
        example: "“`ke_hoach_nam_sau.ngay_gui` phải là ngày, nhưng đang là chuỗi”",
        fix: "Ghi đúng kiểu: số `12`, ngày `2024-11-05` (không ngoặc kép), `true`/`false`, danh sách `[0, 1, 2]`.",
    },
    CodeDoc {
        code: Code::E005,
        meaning: "Số đếm âm hoặc quá lớn (trên 4.294.967.295); ngưỡng ẩn số nhỏ `nguong_an_danh` dưới 3.",
        meaning_en: "Count is negative or too large; privacy threshold below 3.",
        example: "“`bien_dong.chuyen_den` là số âm (-1)”",
        fix: "Ghi số không âm; không có thì ghi `0`; kiểm tra chữ số thừa.",
    },
    CodeDoc {
        code: Code::E006,
        meaning: "Giá trị không hợp lệ: chuỗi rỗng; không thuộc các giá trị cho phép (`loai`, `cap`, `so_huu`, xếp loại); mã đơn vị sai dạng; `dia_chi` thiếu `https://` hoặc `/` cuối; `so_huu` ghi cho cơ quan; `truc_thuoc` ghi cho tổ chức cơ sở đảng; `da_gui = false` mà có `ngay_gui`; `giai_the` trước `thanh_lap`.",
        meaning_en: "Invalid value (empty, not allowed, malformed code, contradictory keys).",
        example: "“`to_chuc.loai` không nhận giá trị \"coquan\"”",
        fix: "Chọn giá trị trong gợi ý; xóa khóa ghi thừa; điền nội dung hoặc xóa dòng trống.",
    },
    CodeDoc {
        code: Code::E010,
        meaning: "Không đọc được: không có thư mục dữ liệu, không mở được tệp (thiếu `site.toml`, `khoi.toml`…), tệp không phải UTF-8; sổ tính không phải .xlsx (.xls, .ods đổi tên), đặt mật khẩu hoặc hỏng.",
        meaning_en: "Cannot read the data directory or a file, or file is not UTF-8.",
        example: "“tệp không phải văn bản UTF-8”",
        fix: "Chạy lệnh từ gốc kho hoặc dùng `--data`; lưu tệp với bảng mã UTF-8.",
    },
    CodeDoc {
        code: Code::E011,
        meaning: "Đường dẫn không khớp nội dung: thư mục trong `reports/` không phải năm (1930–2100); tệp đặt thẳng trong `reports/` thay vì trong thư mục năm; `nam` khác thư mục năm; `to_chuc` khác tên tệp; `nam` khác tên tệp chỉ tiêu.",
        meaning_en: "File path disagrees with content.",
        example: "“tệp `CQ01.toml` nhưng ghi `to_chuc = \"CQ02\"`”",
        fix: "Đổi tên tệp/thư mục hoặc sửa `nam`, `to_chuc`.",
    },
    CodeDoc {
        code: Code::E012,
        meaning: "Tham chiếu tới tổ chức không có hoặc sai cấp: `truc_thuoc` không có hoặc không phải đảng bộ cơ sở; `sap_nhap_vao` không có; `to_chuc` của báo cáo không có trong `khoi.toml`.",
        meaning_en: "Reference to a missing organization or wrong parent level.",
        example: "“không có tổ chức mã `CQ10` trong data/khoi.toml”",
        fix: "Sửa mã, hoặc khai báo tổ chức trong `khoi.toml` (và sửa lỗi của mục đó nếu có).",
    },
    CodeDoc {
        code: Code::E013,
        meaning: "Báo cáo cho năm tổ chức không hoạt động (trước năm thành lập hoặc sau năm `giai_the`).",
        meaning_en: "Report for a year the organization was not active.",
        example: "“`CQ08` không hoạt động trong năm 2025”",
        fix: "Xóa báo cáo (số liệu thuộc tổ chức tiếp nhận) hoặc sửa `thanh_lap`/`giai_the`.",
    },
    CodeDoc {
        code: Code::E014,
        meaning: "Trùng: một mã khai báo hai lần trong `khoi.toml`, hoặc một tổ chức có hơn một báo cáo trong một năm.",
        meaning_en: "Duplicate organization code or report.",
        example: "“mã đơn vị `CQ01` bị khai báo hai lần”",
        fix: "Mỗi tổ chức một mã; mỗi năm một báo cáo: gộp hoặc xóa tệp thừa.",
    },
    CodeDoc {
        code: Code::E015,
        meaning: "Chỉ tiêu giao cho mã không có, cho chi bộ trực thuộc, hoặc cho tổ chức không hoạt động trong năm.",
        meaning_en: "Quota for an unknown, non-grassroots or inactive organization.",
        example: "“`CQ01-01` là chi bộ trực thuộc: Đảng ủy Khối giao chỉ tiêu cho tổ chức cơ sở đảng”",
        fix: "Chỉ giao cho đảng bộ cơ sở, chi bộ cơ sở đang hoạt động trong năm.",
    },
    CodeDoc {
        code: Code::E016,
        meaning: "Trong thư mục năm `reports/<năm>/` có một thư mục mang tên tệp báo cáo (`CQ01-01.toml/`): báo cáo trong đó không được đọc.",
        meaning_en: "A folder stands where a report file belongs.",
        example: "“`data/reports/2023/CQ01-01.toml` là thư mục, không phải tệp báo cáo”",
        fix: "Chuyển tệp báo cáo ra thư mục năm rồi xóa thư mục, hoặc chuyển thư mục ra khỏi `data/reports/`.",
    },
    CodeDoc {
        code: Code::E020,
        meaning: "Số đảng viên không cân đối: đầu năm + (kết nạp + chuyển đến) − (chuyển đi + xóa tên + khai trừ + ra khỏi Đảng + từ trần + không chuyển chính thức) ≠ cuối năm.",
        meaning_en: "Stock and flow do not balance.",
        example: "“số đảng viên không cân đối: đầu năm 27 + vào 3 − ra 6 = 24, nhưng cuối năm ghi 25”",
        fix: "Kiểm tra lại từng số trong `[dang_vien]` và `[bien_dong]`.",
    },
    CodeDoc {
        code: Code::E021,
        meaning: "Số đầu năm (chính thức, dự bị) khác số cuối năm trong báo cáo năm trước của cùng tổ chức. Bỏ qua khi báo cáo năm trước có `ngay_so_lieu`.",
        meaning_en: "Start of year differs from previous year's end.",
        example: "“số đầu năm 2024 (68 chính thức, 6 dự bị) khác số cuối năm 2023 (67 chính thức, 6 dự bị)”",
        fix: "Chép số cuối năm trước sang đầu năm này, hoặc sửa báo cáo năm trước.",
    },
    CodeDoc {
        code: Code::E022,
        meaning: "Tổng `ket_nap_theo_thang` khác `ket_nap`.",
        meaning_en: "Monthly admissions do not add up to the year's count.",
        example: "“tổng kết nạp các tháng là 1, nhưng `ket_nap = 2`”",
        fix: "Sửa số từng tháng hoặc `ket_nap`.",
    },
    CodeDoc {
        code: Code::E023,
        meaning: "Năm đang thực hiện sai: `ket_nap_theo_thang` không đủ 12 tháng (hoặc không đúng số tháng đến `ngay_so_lieu`), hay `ngay_so_lieu` không thuộc năm `nam`.",
        meaning_en: "Wrong month count, or as-of date outside the report year.",
        example: "“`ket_nap_theo_thang` có 11 tháng, phải có đủ 12 tháng”",
        fix: "Ghi 12 số (tháng không kết nạp ghi 0); năm đang thực hiện ghi đến tháng của `ngay_so_lieu`.",
    },
    CodeDoc {
        code: Code::E024,
        meaning: "Đảng viên dự bị không khớp: chuyển chính thức + không chuyển vượt dự bị đầu năm + kết nạp, hoặc dự bị cuối năm ≠ dự bị đầu năm + kết nạp − chuyển chính thức − không chuyển.",
        meaning_en: "Probationary members unaccounted for.",
        example: "“dự bị cuối năm phải là 2 (đầu năm 3 + kết nạp 2 − chuyển chính thức 3 − không chuyển 0), nhưng ghi 1”",
        fix: "Sửa `cuoi_nam_du_bi`, `chuyen_chinh_thuc` hoặc `khong_chuyen_chinh_thuc`.",
    },
    CodeDoc {
        code: Code::E025,
        meaning: "Một số \"trong đó\" lớn hơn số chung của nó: nữ, dân tộc thiểu số, đoàn viên… của đảng viên mới kết nạp hay của đảng viên cuối năm; chuyển đến (đi) ngoài tỉnh lớn hơn tổng chuyển đến (đi); nghỉ hưu được miễn sinh hoạt lớn hơn số nghỉ hưu; tổng lý luận chính trị hay tổng huy hiệu vượt số đảng viên.",
        meaning_en: "A part exceeds its whole.",
        example: "“trong 3 đảng viên mới kết nạp (`bien_dong.ket_nap`) có 4 nữ”",
        fix: "Sửa số \"trong đó\" hoặc số chung: mỗi số là một phần của số chung (các phần có thể trùng nhau).",
    },
    CodeDoc {
        code: Code::E026,
        meaning: "Một cách chia không cộng lại đúng số chung: các nhóm tuổi, trình độ giáo dục phổ thông, trình độ chuyên môn (của đảng viên mới kết nạp hoặc đảng viên cuối năm), hay các hình thức kỷ luật so với `ky_luat`.",
        meaning_en: "A breakdown does not add up to its whole.",
        example: "“các nhóm tuổi của đảng viên mới kết nạp cộng lại là 5, nhưng đảng viên mới kết nạp (`bien_dong.ket_nap`) là 6”",
        fix: "Mỗi người thuộc đúng một nhóm: sửa các số của mục cho tổng bằng số chung.",
    },
    CodeDoc {
        code: Code::E030,
        meaning: "Tệp `.md` thiếu phần thông tin đầu văn bản giữa hai dòng `+++` (hoặc thiếu dòng `+++` đóng).",
        meaning_en: "Missing front matter.",
        example: "“thiếu phần thông tin đầu văn bản (front matter)”",
        fix: "Bắt đầu tệp bằng `+++`, các khóa, rồi `+++` trước nội dung.",
    },
    CodeDoc {
        code: Code::E031,
        meaning: "Tên tệp văn bản/tin tức không dùng được làm địa chỉ trang (chỉ `a–z`, `0–9`, `-`).",
        meaning_en: "File name is not a valid slug.",
        example: "“tên tệp \"Ke-hoach_70\" không dùng được làm địa chỉ trang”",
        fix: "Đổi tên, ví dụ `2021-07-14-70-kh.md`.",
    },
    CodeDoc {
        code: Code::E032,
        meaning: "`loai` không có trong danh mục loại văn bản, hoặc phần loại trong `so_ky_hieu` khác `loai`.",
        meaning_en: "Unknown document type, or number-and-symbol disagrees with it.",
        example: "“số ký hiệu \"431-CV/ĐUK\" không khớp với loại văn bản KH (Kế hoạch)”",
        fix: "Dùng đúng chữ viết tắt (NQ, QĐ, CT, KL, QC, QĐi, TT, HD, TB, BC, KH, CTr, TTr, CV, BB); số ký hiệu dạng `<số>-<loại>/<cơ quan>`.",
    },
    CodeDoc {
        code: Code::E040,
        meaning: "Số đảng viên các mức xếp loại cộng số không xếp loại khác số đảng viên cuối năm.",
        meaning_en: "Grades plus not-rated differ from year-end members.",
        example: "“xếp loại 58 đảng viên và không xếp loại 3 (tổng 61), nhưng cuối năm có 24 đảng viên”",
        fix: "Mỗi đảng viên thuộc đúng một mức hoặc một lý do không xếp loại.",
    },
    CodeDoc {
        code: Code::E041,
        meaning: "Đảng viên hoàn thành xuất sắc vượt 20% số hoàn thành tốt, tính theo tổ chức cơ sở đảng (báo cáo của đảng bộ cơ sở là tổng các chi bộ).",
        meaning_en: "Grade-1 members exceed 20% of grade-2 members in a grassroots organization.",
        example: "“9 đảng viên hoàn thành xuất sắc nhiệm vụ vượt 20% số hoàn thành tốt nhiệm vụ (40): tối đa 8”",
        fix: "Rà soát lại kết quả xếp loại theo quy định của năm.",
    },
    CodeDoc {
        code: Code::E042,
        meaning: "Không xếp loại vì miễn sinh hoạt (hoặc đình chỉ) khác số ghi ở `[dang_vien]`.",
        meaning_en: "Not-rated exempted/suspended differ from the member stock.",
        example: "“không xếp loại vì miễn sinh hoạt là 2, nhưng `dang_vien.mien_sinh_hoat = 1`”",
        fix: "Hai số phải bằng nhau.",
    },
    CodeDoc {
        code: Code::E043,
        meaning: "Tổ chức thành lập chưa đủ 6 tháng (sau 30/6 của năm) nhưng có xếp loại.",
        meaning_en: "Organization under 6 months old is rated.",
        example: "“tổ chức thành lập ngày 01/09/2022, chưa đủ 6 tháng nên không xếp loại”",
        fix: "Xóa `to_chuc` trong `[xep_loai]`.",
    },
    CodeDoc {
        code: Code::W044,
        meaning: "Tổ chức đủ thời gian nhưng chưa ghi xếp loại của chính mình.",
        meaning_en: "Organization old enough but its own grade is missing.",
        example: "“chưa ghi xếp loại của chính tổ chức”",
        fix: "Thêm `to_chuc = \"tot\"` (hoặc mức khác).",
    },
    CodeDoc {
        code: Code::W045,
        meaning: "Số đảng viên bị kỷ luật lớn hơn số không hoàn thành nhiệm vụ.",
        meaning_en: "More disciplined members than grade-4 members.",
        example: "“2 đảng viên bị kỷ luật trong năm nhưng chỉ 1 đảng viên không hoàn thành nhiệm vụ”",
        fix: "Kiểm tra lại (trừ trường hợp tự phát hiện, khắc phục).",
    },
    CodeDoc {
        code: Code::E046,
        meaning: "Không xếp loại vì mới kết nạp dưới 6 tháng nhiều hơn số kết nạp trong năm.",
        meaning_en: "More \"admitted under 6 months\" than admitted this year.",
        example: "“3 đảng viên không xếp loại vì mới kết nạp dưới 6 tháng, nhưng cả năm chỉ kết nạp 2”",
        fix: "Sửa một trong hai số.",
    },
    CodeDoc {
        code: Code::E047,
        meaning: "Năm đang thực hiện (có `ngay_so_lieu`) lại có mục `[xep_loai]`.",
        meaning_en: "Ratings in a year in progress.",
        example: "“năm đang thực hiện chưa có xếp loại chất lượng”",
        fix: "Xóa mục `[xep_loai]` đến khi hết năm.",
    },
    CodeDoc {
        code: Code::E048,
        meaning: "Từ năm 2025 (Quy định 366-QĐ/TW), xếp loại của tổ chức cao hơn mức mà số điểm cho phép: xuất sắc từ 90 điểm, tốt từ 70, hoàn thành từ 50.",
        meaning_en: "The organization's grade is above what its score allows.",
        example: "“tổ chức đạt 85 điểm nhưng xếp loại “Hoàn thành xuất sắc nhiệm vụ”, cao hơn mức “Hoàn thành tốt nhiệm vụ” của số điểm đó”",
        fix: "Sửa `to_chuc` hoặc `diem` trong mục `[xep_loai]`.",
    },
    CodeDoc {
        code: Code::W049,
        meaning: "Điểm của tổ chức không khớp với quy định của năm: năm chấm điểm (từ 2025) chưa ghi `diem`, hoặc năm trước 2025 lại ghi `diem` hay `ngoai_le_25_phan_tram`.",
        meaning_en: "Score or 25% exception missing or out of its years.",
        example: "“năm 2025 xếp loại tổ chức theo điểm nhưng chưa ghi `diem`”",
        fix: "Từ năm 2025 ghi `diem` (thang 100); trước đó xóa `diem` và `ngoai_le_25_phan_tram`.",
    },
    CodeDoc {
        code: Code::E050,
        meaning: "Số của đảng bộ cơ sở khác tổng các chi bộ trực thuộc (khi đủ báo cáo của các chi bộ).",
        meaning_en: "A grassroots committee's count differs from the sum of its branches.",
        example: "“`bien_dong.ket_nap` của đảng bộ cơ sở là 5, nhưng tổng các chi bộ trực thuộc là 4 (CQ01-01: 2, CQ01-02: 2)”",
        fix: "Sửa số của đảng bộ cơ sở hoặc của chi bộ.",
    },
    CodeDoc {
        code: Code::W051,
        meaning: "Chi bộ trực thuộc đang hoạt động chưa có báo cáo năm đó (báo ở báo cáo của đảng bộ cơ sở).",
        meaning_en: "An active branch has no report.",
        example: "“chi bộ trực thuộc `CQ01-02` chưa có báo cáo năm 2025”",
        fix: "Thêm tệp báo cáo của chi bộ.",
    },
    CodeDoc {
        code: Code::E052,
        meaning: "Báo cáo của đảng bộ cơ sở có mục `[sinh_hoat]`.",
        meaning_en: "Meetings section in a grassroots committee's report.",
        example: "“đảng bộ cơ sở không báo cáo mục [sinh_hoat]”",
        fix: "Xóa mục; từng chi bộ báo cáo sinh hoạt.",
    },
    CodeDoc {
        code: Code::W053,
        meaning: "Chi bộ chưa có mục `[sinh_hoat]`.",
        meaning_en: "Branch report without meetings.",
        example: "“chi bộ chưa báo cáo sinh hoạt chi bộ”",
        fix: "Thêm mục `[sinh_hoat]`.",
    },
    CodeDoc {
        code: Code::E060,
        meaning: "`dinh_ky_theo_thang` không đúng số tháng của kỳ báo cáo.",
        meaning_en: "Monthly meetings list of the wrong length.",
        example: "“`dinh_ky_theo_thang` có 11 tháng, phải có 12”",
        fix: "Ghi đủ từng tháng.",
    },
    CodeDoc {
        code: Code::E061,
        meaning: "Lượt có mặt lớn hơn lượt phải dự.",
        meaning_en: "Attended exceeds expected.",
        example: "“lượt có mặt (120) nhiều hơn lượt phải dự (110)”",
        fix: "Sửa số lượt.",
    },
    CodeDoc {
        code: Code::E062,
        meaning: "Lượt vắng không lý do lớn hơn số lượt vắng (phải dự − có mặt).",
        meaning_en: "Unexcused absences exceed absences.",
        example: "“5 lượt vắng không lý do, nhưng chỉ có 3 lượt vắng”",
        fix: "Sửa số lượt vắng.",
    },
    CodeDoc {
        code: Code::E063,
        meaning: "`cap_uy_du_theo_quy` ở tổ chức không phải chi bộ trực thuộc, hoặc sai số quý (4, hoặc số quý đến ngày số liệu).",
        meaning_en: "Upper-committee visits on a non-branch, or wrong number of quarters.",
        example: "“`cap_uy_du_theo_quy` có 4 quý, phải có 3”",
        fix: "Xóa dòng hoặc ghi đúng số quý.",
    },
    CodeDoc {
        code: Code::E064,
        meaning: "Điểm sinh hoạt vượt 100.",
        meaning_en: "Meeting score over 100.",
        example: "“điểm sinh hoạt 120 vượt thang 100 điểm”",
        fix: "Ghi điểm 0–100.",
    },
    CodeDoc {
        code: Code::E070,
        meaning: "Chi bộ trực thuộc có mục `[ke_hoach_nam_sau]`.",
        meaning_en: "Next-year plan in a branch report.",
        example: "“chi bộ trực thuộc không gửi kế hoạch phát triển đảng viên lên Đảng ủy Khối”",
        fix: "Xóa mục; kế hoạch do đảng bộ cơ sở gửi.",
    },
    CodeDoc {
        code: Code::W071,
        meaning: "Tổ chức cơ sở đảng, năm đã kết thúc, chưa ghi việc gửi kế hoạch năm sau.",
        meaning_en: "Grassroots organization without next-year plan status.",
        example: "“chưa ghi việc gửi kế hoạch phát triển đảng viên năm 2025”",
        fix: "Thêm `[ke_hoach_nam_sau]`.",
    },
    CodeDoc {
        code: Code::W072,
        meaning: "Năm đã kết thúc, chưa ghi mục `[van_ban_bat_buoc]`.",
        meaning_en: "Required documents not reported.",
        example: "“chưa ghi tình hình các văn bản bắt buộc trong năm”",
        fix: "Thêm mục `[van_ban_bat_buoc]`.",
    },
    CodeDoc {
        code: Code::E080,
        meaning: "`ghi_chu` của báo cáo, tên Đảng bộ Khối (`khoi.ten`, `khoi.ten_viet_tat`) hoặc tên một tổ chức (`to_chuc.ten` trong `khoi.toml`, đăng trên mọi trang) chứa thông tin cá nhân: số CCCD/CMND (đúng 9 hoặc 12 chữ số liền), số điện thoại (10 chữ số bắt đầu bằng 0, 11 chữ số bắt đầu bằng 02, +84 và 9 chữ số; viết liền hoặc cách bằng dấu cách, chấm, gạch), thư điện tử, ngày/năm sinh (“sinh ngày”, “ngày sinh”, “sinh năm”, “năm sinh” kèm ngày hoặc năm), “đồng chí” (hoặc “đ/c”) kèm 2–4 chữ viết hoa là họ tên. Không tính: số có dấu phân cách (1.250.000), số tiền (“125000000 đồng”), mã số thuế, đường dây nóng, fax, “đồng chí” kèm chức danh (“đồng chí Bí thư”), “sinh năm 1990 trở về sau”. Kiểm tra ở `site/src/check/personal_data.rs`.",
        meaning_en: "Personal data in a report's note or in the Khối's or an organization's name: ID, phone, e-mail, date of birth, \"đồng chí\" + name.",
        example: "“`ghi_chu` chứa thông tin cá nhân: số CCCD/CMND \"001*******90\"”",
        fix: "Xóa thông tin đó: tệp dữ liệu chỉ chứa số liệu tổng hợp, không ghi họ tên, ngày sinh, số giấy tờ, điện thoại, thư điện tử của ai.",
    },
    CodeDoc {
        code: Code::W081,
        meaning: "Văn bản, tin tức hoặc tên và mô tả của trang (`tieu_de`, `mo_ta` trong `site.toml`) chứa thông tin cá nhân (như E080, trừ quy tắc “đồng chí + họ tên”: văn bản, tin tức nêu tên cán bộ lãnh đạo là bình thường) trong `trich_yeu`, `noi_nhan` (văn bản), `tieu_de`, `tom_tat` (tin tức) hoặc phần nội dung. Không kiểm tra `nguoi_ky`, `chuc_vu`. Ngày kỷ niệm (“135 năm Ngày sinh Chủ tịch Hồ Chí Minh”), số ký hiệu, ngày ban hành không bị tính.",
        meaning_en: "Personal data in a published document or news item (front matter free text or body), or in the site's title or description.",
        example: "“nội dung tin chứa thông tin cá nhân: số điện thoại \"0912***678\"”",
        fix: "Xóa thông tin cá nhân (hoặc thay bằng chức vụ, đơn vị) trước khi đăng.",
    },
    CodeDoc {
        code: Code::W082,
        meaning: "Phần nội dung văn bản hoặc tin tức có thứ sẽ bị bỏ khi đăng (bộ lọc HTML an toàn): thẻ HTML ngoài danh sách cho phép (`<img>`, `<iframe>`, `<font>`…; `<script>`, `<style>` bỏ cả nội dung), thuộc tính không cho phép (`style`, `onclick`…), liên kết không phải `http:`, `https:`, `mailto:` hay đường dẫn trong trang (`javascript:`, `data:`, kể cả viết lẫn mã ký tự như `jav&#x09;ascript:`; chữ của liên kết vẫn giữ), ảnh markdown. Quy tắc lấy từ chính bộ lọc ở `site/src/render/markdown.rs`.",
        meaning_en: "Something in a document's or news item's body will be dropped by the sanitizer (tag, attribute, link, image).",
        example: "“địa chỉ \"javascript:alert(1)\" của thẻ <a> sẽ bị bỏ khi đăng”",
        fix: "Sửa địa chỉ thành `https://…` hoặc đường dẫn trong trang, xóa thuộc tính, dùng định dạng markdown thay cho HTML.",
    },
];

pub const BEGIN: &str = "<!-- codes:begin (generated from site/src/codes.rs: do not edit by hand) -->";
pub const END: &str = "<!-- codes:end -->";

/// The table of codes in `docs/checks.md`.
pub fn markdown() -> String {
    let mut out = String::from("| mã | mức | ý nghĩa | meaning | ví dụ thông báo | cách sửa |\n|---|---|---|---|---|---|\n");
    for d in CODES {
        let level = match d.code.severity() {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        };
        out.push_str(&format!("| {} | {level} | {} | {} | {} | {} |\n", d.code, d.meaning, d.meaning_en, d.example, d.fix));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_in_order_and_severity_follows_the_letter() {
        let key = |c: Code| (c.as_str()[1..].to_string(), c.as_str().starts_with('W'));
        assert!(CODES.windows(2).all(|w| key(w[0].code) < key(w[1].code)), "sorted by number");
        for d in CODES {
            let expected = if d.code.as_str().starts_with('E') { Severity::Error } else { Severity::Warning };
            assert_eq!(d.code.severity(), expected);
        }
    }
}
