//! A small static file server for previewing the site (`site serve`) and for browser tests.
//! Loopback only; one thread per connection; `Connection: close`.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Polls the build version and reloads the page when it changes (only in `site serve`).
const RELOAD_JS: &str = "let v=null;setInterval(async()=>{try{const r=await fetch('/__dev/version');const t=await r.text();\
if(v!==null&&t!==v)location.reload();v=t}catch(e){}},700);\n";

#[derive(Clone)]
pub struct Server {
    root: PathBuf,
    /// Set in preview mode: pages get the reload script, `/__dev/version` answers.
    version: Option<Arc<AtomicU64>>,
}

impl Server {
    pub fn new(root: impl Into<PathBuf>) -> Server {
        Server { root: root.into(), version: None }
    }

    pub fn with_live_reload(mut self, version: Arc<AtomicU64>) -> Server {
        self.version = Some(version);
        self
    }

    /// Binds (port 0 picks a free port) and serves in a background thread.
    pub fn spawn(self, addr: &str) -> std::io::Result<SocketAddr> {
        let listener = TcpListener::bind(addr)?;
        let local = listener.local_addr()?;
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let server = self.clone();
                std::thread::spawn(move || {
                    let _ = server.handle(stream);
                });
            }
        });
        Ok(local)
    }

    fn handle(&self, mut stream: TcpStream) -> std::io::Result<()> {
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        // Drain headers.
        let mut line = String::new();
        while reader.read_line(&mut line)? > 2 {
            line.clear();
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        if method != "GET" && method != "HEAD" {
            return respond(&mut stream, 405, "text/plain; charset=utf-8", b"method not allowed", method == "HEAD");
        }
        let path = target.split(['?', '#']).next().unwrap_or("/");
        if let Some(version) = &self.version {
            match path {
                "/__dev/version" => {
                    let v = version.load(Ordering::SeqCst).to_string();
                    return respond(&mut stream, 200, "text/plain", v.as_bytes(), method == "HEAD");
                }
                "/__dev/reload.js" => return respond(&mut stream, 200, "text/javascript", RELOAD_JS.as_bytes(), method == "HEAD"),
                _ => {}
            }
        }
        let head = method == "HEAD";
        match self.resolve(path) {
            Resolved::File(file) => {
                let bytes = std::fs::read(&file)?;
                let kind = content_type(&file);
                let bytes = if self.version.is_some() && kind.starts_with("text/html") { inject_reload(bytes) } else { bytes };
                respond(&mut stream, 200, kind, &bytes, head)
            }
            Resolved::Redirect(to) => {
                let header = format!("HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                stream.write_all(header.as_bytes())
            }
            Resolved::NotFound => {
                let page = std::fs::read(self.root.join("404.html")).unwrap_or_else(|_| b"404".to_vec());
                respond(&mut stream, 404, "text/html; charset=utf-8", &page, head)
            }
        }
    }

    fn resolve(&self, url_path: &str) -> Resolved {
        let Some(decoded) = percent_decode(url_path) else { return Resolved::NotFound };
        let relative = decoded.trim_start_matches('/');
        // No escaping the root: reject any parent or absolute component.
        if Path::new(relative).components().any(|c| !matches!(c, std::path::Component::Normal(_))) {
            return Resolved::NotFound;
        }
        let full = self.root.join(relative);
        if full.is_dir() {
            if !url_path.ends_with('/') {
                return Resolved::Redirect(format!("{url_path}/"));
            }
            let index = full.join("index.html");
            return if index.is_file() { Resolved::File(index) } else { Resolved::NotFound };
        }
        if full.is_file() {
            Resolved::File(full)
        } else {
            Resolved::NotFound
        }
    }
}

enum Resolved {
    File(PathBuf),
    Redirect(String),
    NotFound,
}

fn respond(stream: &mut TcpStream, status: u16, kind: &str, body: &[u8], head: bool) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    };
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn inject_reload(html: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&html);
    text.replacen("</body>", "<script src=\"/__dev/reload.js\"></script></body>", 1).into_bytes()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(addr: SocketAddr, path: &str) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_index_redirects_directories_and_refuses_traversal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "<body>trang</body>").unwrap();
        std::fs::write(dir.path().join("404.html"), "khong co").unwrap();
        let addr = Server::new(dir.path()).spawn("127.0.0.1:0").unwrap();
        let ok = get(addr, "/a/");
        assert!(ok.starts_with("HTTP/1.1 200") && ok.ends_with("<body>trang</body>"), "{ok}");
        assert!(get(addr, "/a").contains("Location: /a/"));
        assert!(get(addr, "/../etc/passwd").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "/%2e%2e/x").starts_with("HTTP/1.1 404"));
        assert!(get(addr, "/khong/").ends_with("khong co"));
    }
}
