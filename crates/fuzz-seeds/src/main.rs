//! `printoauth-fuzz-seeds OUT`: writes the fuzz targets' seed corpora into
//! `OUT/<target>/`, taken from a practice world started on loopback.

use anyhow::Context;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let out = std::env::args_os()
        .nth(1)
        .context("usage: printoauth-fuzz-seeds OUT")?;
    let out = std::path::PathBuf::from(out);
    let seeds = printoauth_fuzz_seeds::generate().await?;
    seeds.write(&out)?;
    for t in printoauth_fuzz_seeds::TARGETS {
        println!("{t}: {} seeds", seeds.count(t));
    }
    Ok(())
}
