use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Party document types and their abbreviations in the number-and-symbol (`431-CV/ĐUK`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DocType {
    Resolution,
    Decision,
    Directive,
    Conclusion,
    Charter,
    Regulation,
    Circular,
    Guidance,
    Notice,
    Report,
    Plan,
    Programme,
    Submission,
    OfficialLetter,
    Minutes,
}

impl DocType {
    pub const ALL: [DocType; 15] = [
        DocType::Resolution,
        DocType::Decision,
        DocType::Directive,
        DocType::Conclusion,
        DocType::Charter,
        DocType::Regulation,
        DocType::Circular,
        DocType::Guidance,
        DocType::Notice,
        DocType::Report,
        DocType::Plan,
        DocType::Programme,
        DocType::Submission,
        DocType::OfficialLetter,
        DocType::Minutes,
    ];

    pub fn abbreviation(self) -> &'static str {
        match self {
            DocType::Resolution => "NQ",
            DocType::Decision => "QĐ",
            DocType::Directive => "CT",
            DocType::Conclusion => "KL",
            DocType::Charter => "QC",
            DocType::Regulation => "QĐi",
            DocType::Circular => "TT",
            DocType::Guidance => "HD",
            DocType::Notice => "TB",
            DocType::Report => "BC",
            DocType::Plan => "KH",
            DocType::Programme => "CTr",
            DocType::Submission => "TTr",
            DocType::OfficialLetter => "CV",
            DocType::Minutes => "BB",
        }
    }

    pub fn from_abbreviation(s: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.abbreviation() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            DocType::Resolution => "Nghị quyết",
            DocType::Decision => "Quyết định",
            DocType::Directive => "Chỉ thị",
            DocType::Conclusion => "Kết luận",
            DocType::Charter => "Quy chế",
            DocType::Regulation => "Quy định",
            DocType::Circular => "Thông tri",
            DocType::Guidance => "Hướng dẫn",
            DocType::Notice => "Thông báo",
            DocType::Report => "Báo cáo",
            DocType::Plan => "Kế hoạch",
            DocType::Programme => "Chương trình",
            DocType::Submission => "Tờ trình",
            DocType::OfficialLetter => "Công văn",
            DocType::Minutes => "Biên bản",
        }
    }
}

/// A document of the Khối. Its key is issuer + type + number + date, not the number alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub slug: String,
    /// Number and symbol as printed, e.g. `431-CV/ĐUK`.
    pub number_symbol: String,
    pub doc_type: DocType,
    pub issued: NaiveDate,
    pub place: String,
    pub issuer: String,
    /// Trích yếu: the "V/v …" line or the title.
    pub summary: String,
    pub signer: String,
    pub signer_position: String,
    pub recipients: Vec<String>,
    /// Markdown source of the body.
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewsItem {
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
    pub summary: String,
    pub body: String,
}
