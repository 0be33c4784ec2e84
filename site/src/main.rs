//! `site`: check the data, build the static site, preview it with live reload, or start a
//! pre-filled report for an editor (`site new report`).

use app::privacy::Audience;
use clap::{Parser, Subcommand, ValueEnum};
use site::build::{data_error_summary, BuildError, Site};
use site::diagnostic::Findings;
use site::render::AppAssets;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "site", about = "Kiểm tra dữ liệu và tạo trang thống kê của Đảng bộ Khối")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum AudienceArg {
    Public,
    Internal,
}

impl From<AudienceArg> for Audience {
    fn from(a: AudienceArg) -> Audience {
        match a {
            AudienceArg::Public => Audience::Public,
            AudienceArg::Internal => Audience::Internal,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    /// Workflow commands for GitHub and Forgejo Actions (`::error file=…,line=…::…`).
    Github,
    /// A GitLab Code Quality report (JSON).
    Gitlab,
}

#[derive(Subcommand)]
enum Command {
    /// Kiểm tra toàn bộ dữ liệu, báo mọi lỗi một lần (mã thoát 1 nếu có lỗi).
    Check {
        #[arg(long, default_value = "data")]
        data: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Coi cảnh báo là lỗi.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Tạo trang tĩnh vào thư mục đầu ra (thay thế trọn vẹn, hoặc giữ nguyên nếu lỗi).
    Build {
        #[arg(long, default_value = "data")]
        data: PathBuf,
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// Thư mục ứng dụng WASM do Trunk tạo (bỏ qua: trang chỉ có biểu đồ tĩnh).
        #[arg(long)]
        app_dir: Option<PathBuf>,
        #[arg(long)]
        deny_warnings: bool,
        /// public: ẩn số nhỏ (mặc định); internal: đầy đủ số liệu, ghi "Nội bộ", không cho máy tìm kiếm.
        #[arg(long, value_enum, default_value = "public")]
        audience: AudienceArg,
        /// Ghi thêm bản nén .gz và .br cạnh mỗi tệp văn bản, cho máy chủ gửi thẳng (nginx
        /// gzip_static/brotli_static, Caddy precompressed). GitHub/GitLab Pages tự nén: không cần.
        #[arg(long)]
        precompress: bool,
    },
    /// Xem trước tại http://127.0.0.1:8080, tự tạo lại và tải lại trang khi dữ liệu thay đổi.
    Serve {
        #[arg(long, default_value = "data")]
        data: PathBuf,
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        #[arg(long)]
        app_dir: Option<PathBuf>,
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        #[arg(long, value_enum, default_value = "public")]
        audience: AudienceArg,
    },
    /// Tạo sổ tính mẫu (.xlsx) cho các tổ chức điền báo cáo năm: mỗi tổ chức một tệp, số đầu năm
    /// lấy từ số cuối năm trước, có kiểm tra ngay khi nhập.
    Template {
        /// Năm báo cáo, ví dụ 2026.
        #[arg(long)]
        year: i32,
        /// Chỉ tạo cho một tổ chức (mã trong khoi.toml).
        #[arg(long)]
        org: Option<String>,
        /// Thư mục ghi các tệp mẫu.
        #[arg(long, default_value = "mau-bao-cao")]
        out: PathBuf,
        /// Điền sẵn số liệu của báo cáo đã có trong thư mục dữ liệu, để gửi lại đơn vị sửa.
        #[arg(long)]
        filled: bool,
        #[arg(long, default_value = "data")]
        data: PathBuf,
    },
    /// Nhập các sổ tính đã điền vào data/reports/<năm>/<mã>.toml. Có lỗi ở bất kỳ tệp nào thì
    /// không ghi gì; mỗi lỗi chỉ rõ tệp, trang tính và ô.
    Import {
        /// Các tệp .xlsx đã điền.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "data")]
        data: PathBuf,
    },
    /// Liệt kê mọi thay đổi giữa hai phiên bản dữ liệu: từng số liệu (tổ chức, năm, chỉ tiêu: cũ → mới),
    /// tổ chức, báo cáo, chỉ tiêu và văn bản thêm hoặc bớt. A, B: thư mục dữ liệu hoặc phiên bản git
    /// (ví dụ HEAD~1, main).
    Diff {
        a: String,
        b: String,
        /// Thư mục dữ liệu trong kho git (cho A, B là phiên bản git).
        #[arg(long, default_value = "data")]
        data: PathBuf,
    },
    /// Tạo tệp dữ liệu mới, điền sẵn để người biên tập hoàn thiện.
    New {
        #[command(subcommand)]
        what: New,
    },
}

#[derive(Subcommand)]
enum New {
    /// Tạo báo cáo năm của một tổ chức (data/reports/<năm>/<mã>.toml): số đầu năm lấy từ số cuối
    /// năm trước, các số khác để 0, đủ các mục theo cấp tổ chức.
    Report {
        /// Mã đơn vị trong khoi.toml, ví dụ CQ01-01.
        #[arg(long)]
        org: String,
        /// Năm báo cáo, ví dụ 2026.
        #[arg(long)]
        year: i32,
        #[arg(long, default_value = "data")]
        data: PathBuf,
        /// Ghi đè tệp đã có (số liệu đã ghi trong tệp sẽ mất).
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { data, format, deny_warnings } => {
            let checked = Site::new(data).check();
            let findings = checked.findings();
            match format {
                Format::Json => println!("{}", findings.to_json(checked.sources())),
                Format::Github => {
                    print!("{}", findings.to_github(checked.sources()));
                    eprintln!("{}", tally(findings));
                }
                Format::Gitlab => {
                    println!("{}", findings.to_gitlab(checked.sources()));
                    eprintln!("{}", tally(findings));
                }
                Format::Text => {
                    eprint!("{}", findings.render(checked.sources()));
                    eprintln!("{}", tally(findings));
                }
            }
            if checked.has_errors(deny_warnings) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Build { data, out, app_dir, deny_warnings, audience, precompress } => {
            match build(&data, &out, app_dir.as_deref(), deny_warnings, audience.into(), precompress) {
                true => ExitCode::SUCCESS,
                false => ExitCode::FAILURE,
            }
        }
        Command::Serve { data, out, app_dir, addr, audience } => serve(&data, &out, app_dir.as_deref(), &addr, audience.into()),
        Command::Template { year, org, out, filled, data } => {
            match site::spreadsheet::write_templates(&data, year, org.as_deref(), filled, &out) {
                Ok(files) => {
                    for f in &files {
                        println!("{}", f.display());
                    }
                    eprintln!(
                        "Đã tạo {} sổ tính mẫu năm {year} trong {}: gửi cho các tổ chức điền vào các ô màu vàng.",
                        files.len(),
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("lỗi: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Import { files, data } => {
            let out = site::spreadsheet::import::import(&files, &data);
            for f in &out.findings {
                eprint!("{}", f.render());
            }
            if out.written.is_empty() {
                eprintln!(
                    "Không ghi tệp nào: sửa {} lỗi ở trên trong sổ tính rồi nhập lại.",
                    out.findings.iter().filter(|f| f.severity == site::diagnostic::Severity::Error).count()
                );
                ExitCode::FAILURE
            } else {
                for p in &out.written {
                    println!("{}", data.join(p).display());
                }
                eprintln!("Đã nhập {} báo cáo vào {}. Chạy `site check` rồi commit.", out.written.len(), data.display());
                ExitCode::SUCCESS
            }
        }
        Command::Diff { a, b, data } => {
            let sides = site::diff::side(&a, &data).and_then(|x| site::diff::side(&b, &data).map(|y| (x, y)));
            match sides {
                Ok((x, y)) => {
                    let changes = site::diff::changes(&site::load::load(&x.dir), &site::load::load(&y.dir));
                    for c in &changes {
                        println!("{c}");
                    }
                    eprintln!("{} thay đổi từ {} đến {}.", changes.len(), x.label, y.label);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("lỗi: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { what: New::Report { org, year, data, force } } => match site::new_report::new_report(&data, &org, year, force) {
            Ok(path) => {
                println!("{}", path.display());
                eprintln!("Đã tạo báo cáo năm {year} của {org}: điền số liệu thật thay cho các số 0, rồi chạy `site check`.");
                ExitCode::SUCCESS
            }
            Err(refusal) => {
                eprintln!("{refusal}");
                ExitCode::FAILURE
            }
        },
    }
}

fn tally(f: &Findings) -> String {
    if f.errors() == 0 && f.warnings() == 0 {
        "Dữ liệu hợp lệ: không có lỗi, không có cảnh báo.".to_string()
    } else {
        format!("Kết quả kiểm tra: {} lỗi, {} cảnh báo.", f.errors(), f.warnings())
    }
}

/// `precompress`: `.gz` and `.br` copies for the host; `site serve` does without.
fn build(data: &Path, out: &Path, app_dir: Option<&Path>, deny_warnings: bool, audience: Audience, precompress: bool) -> bool {
    let app = match app_dir.map(AppAssets::read).transpose() {
        Ok(app) => app,
        Err(e) => {
            eprintln!("lỗi: {e}");
            return false;
        }
    };
    site::build::clean_leftovers(out);
    match Site::new(data).audience(audience).precompress(precompress).build(out, app.as_ref(), deny_warnings) {
        Ok((checked, s)) => {
            eprint!("{}", checked.findings().render(checked.sources()));
            eprintln!(
                "Đã tạo {} trang ({} tệp, {} KB) vào {} trong {:.2} giây.",
                s.pages,
                s.files,
                s.bytes / 1024,
                out.display(),
                s.seconds
            );
            match audience {
                Audience::Public => eprintln!("Ẩn {} ô số liệu nhỏ; báo cáo (không xuất bản): {}", s.suppressed, s.report.display()),
                Audience::Internal => eprintln!("Bản nội bộ: đầy đủ số liệu, mọi trang ghi \"Nội bộ\" và không cho máy tìm kiếm."),
            }
            true
        }
        Err(BuildError::Data(checked)) => {
            let mut findings = Findings::default();
            findings.push(data_error_summary(&checked));
            eprint!("{}", checked.findings().render(checked.sources()));
            eprint!("{}", findings.render(checked.sources()));
            false
        }
        Err(BuildError::Output(e)) => {
            eprintln!("lỗi: {e}\nTrang đã xuất bản trước đó được giữ nguyên.");
            false
        }
    }
}

fn serve(data: &Path, out: &Path, app_dir: Option<&Path>, addr: &str, audience: Audience) -> ExitCode {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;
    build(data, out, app_dir, false, audience, false);
    let version = Arc::new(AtomicU64::new(1));
    let server = site::serve::Server::new(out).with_live_reload(version.clone());
    let local = match server.spawn(addr) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("lỗi: không mở được {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("Xem trang tại http://{local}/ — sửa tệp trong {} để tạo lại. Ctrl+C để dừng.", data.display());
    let mut last = fingerprint(data);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(400));
        let now = fingerprint(data);
        if now != last {
            last = now;
            eprintln!("Dữ liệu thay đổi: tạo lại…");
            if build(data, out, app_dir, false, audience, false) {
                version.fetch_add(1, Ordering::SeqCst);
            }
        }
    }
}

/// Sizes and modification times of every file under `dir`, to notice edits by polling.
fn fingerprint(dir: &Path) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let path = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(path),
                Ok(m) => out.push((path, m.len(), m.modified().ok())),
                Err(_) => {}
            }
        }
    }
    out.sort();
    out
}
