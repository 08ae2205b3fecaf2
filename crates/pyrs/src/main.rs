//! The `pyrs` command: parses CPython's command-line options and runs `__main__`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let main = match args.get(1) {
        Some(path) => pyrs_vm::MainSource::File(path.into()),
        None => pyrs_vm::MainSource::Stdin(String::new()),
    };
    let config = pyrs_vm::Config {
        argv: args[1..].to_vec(),
        ..Default::default()
    };
    std::process::exit(pyrs_vm::run_main(config, main));
}
