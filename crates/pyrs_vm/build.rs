//! Finds the CPython 3.11 standard library that pyrs uses at run time (its
//! pure-Python modules are a dependency, never copied into this repository)
//! and bakes its location in as the default; `PYRS_STDLIB` overrides it.

fn main() {
    println!("cargo:rerun-if-env-changed=PYRS_STDLIB");
    println!("cargo:rerun-if-changed=build.rs");
    let from_env = std::env::var("PYRS_STDLIB").ok().filter(|s| !s.is_empty());
    let found = from_env.or_else(|| {
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
            ])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    println!(
        "cargo:rustc-env=PYRS_DEFAULT_STDLIB={}",
        found.unwrap_or_default()
    );
}
