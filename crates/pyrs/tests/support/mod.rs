//! Support for the runner in programs.rs: which binary to test, the
//! environment programs run in (the same one tests/regen_expected.py gives
//! CPython), running a child process with a timeout while capturing its
//! output, and the command-line acceptance checks (cli_checks.rs).

pub mod cli_checks;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The binary under test: `PYRS_TEST_BINARY` if set (point it at CPython's
/// real executable to check the harness and the expected files), else pyrs.
pub fn binary_under_test() -> PathBuf {
    match std::env::var_os("PYRS_TEST_BINARY") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_pyrs")),
    }
}

/// The repository's tests/programs directory.
pub fn programs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs")
}

/// A command for the binary under test with the environment every test uses:
/// no inherited `PYTHON*` variables, a fixed hash seed, UTF-8 mode, and no
/// .pyc files written into the source tree.
pub fn python_command() -> Command {
    command_for(binary_under_test())
}

/// The same environment for CPython itself (the live oracle of the pyc cases).
pub fn cpython_command() -> Command {
    command_for(PathBuf::from("python3"))
}

fn command_for(binary: PathBuf) -> Command {
    let mut cmd = Command::new(binary);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONUTF8", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    cmd
}

/// What a finished (or killed) child did.
#[derive(Debug)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The exit status; `None` when the child was killed by a signal.
    pub code: Option<i32>,
    pub timed_out: bool,
}

impl Outcome {
    /// A short description of how the child ended, for failure reports.
    pub fn ending(&self) -> String {
        match (self.timed_out, self.code) {
            (true, _) => "timed out (killed)".to_string(),
            (false, Some(code)) => format!("exit status {code}"),
            (false, None) => "killed by a signal".to_string(),
        }
    }
}

/// Run `cmd` with `stdin` as its input (empty when `None`), killing it after
/// `timeout`. Pipes are drained on threads so a chatty child cannot block.
pub fn run_with_timeout(
    cmd: &mut Command,
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> std::io::Result<Outcome> {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(cmd, 0);
    let mut child = cmd.spawn()?;

    let writer = match (stdin, child.stdin.take()) {
        (Some(data), Some(mut pipe)) => {
            let data = data.to_vec();
            // A child that exits without reading its input makes this write
            // fail with a broken pipe; that is the child's business, not ours.
            Some(std::thread::spawn(move || {
                let _ = pipe.write_all(&data);
            }))
        }
        _ => None,
    };
    let (out, err) = (drain(child.stdout.take()), drain(child.stderr.take()));

    let deadline = Instant::now() + timeout;
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            timed_out = true;
            kill_tree(&mut child);
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    if let Some(w) = writer {
        let _ = w.join();
    }
    // A grandchild that inherited the pipes could keep them open after the
    // child is gone; give the readers a grace period rather than hang.
    let grace = Duration::from_secs(2);
    Ok(Outcome {
        stdout: out.recv_timeout(grace).unwrap_or_default(),
        stderr: err.recv_timeout(grace).unwrap_or_default(),
        code: status.code(),
        timed_out,
    })
}

/// Read a pipe to its end on a thread; the bytes arrive on the channel.
fn drain(pipe: Option<impl Read + Send + 'static>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    rx
}

/// Kill the child and, on Unix, its whole process group (the child leads its
/// own group, see `run_with_timeout`), so nothing it started lingers.
fn kill_tree(child: &mut Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}
