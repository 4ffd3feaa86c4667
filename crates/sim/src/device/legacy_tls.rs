//! A device whose TLS is too old for a modern client (some old firmware speaks only
//! TLS 1.0/1.1): its HTTPS port reads the ClientHello and answers with a fatal
//! `protocol_version` alert (70) in a TLS 1.0 record, then closes, as an old
//! TLS 1.0-only server does to a client that offers TLS 1.2 and later only.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::http::Shutdown;

/// Alert record: content type 21 (alert), version 3.1 (TLS 1.0), length 2, level 2
/// (fatal), description 70 (protocol_version).
pub(crate) const PROTOCOL_VERSION_ALERT: [u8; 7] = [0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46];

/// Binds `addr` and refuses every TLS handshake on it until shutdown.
pub(crate) async fn serve(addr: SocketAddr, shutdown: Shutdown) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    tokio::spawn(async move {
        loop {
            let (mut stream, _) = tokio::select! {
                r = listener.accept() => match r {
                    Ok(x) => x,
                    Err(_) => continue,
                },
                _ = shutdown.wait() => break,
            };
            tokio::spawn(async move {
                let wait = Duration::from_secs(10);
                let mut head = [0u8; 5];
                if !matches!(
                    tokio::time::timeout(wait, stream.read_exact(&mut head)).await,
                    Ok(Ok(_))
                ) {
                    return;
                }
                // Not a handshake record: close without a word.
                if head[0] != 0x16 {
                    return;
                }
                let len = usize::from(u16::from_be_bytes([head[3], head[4]])).min(1 << 14);
                let mut hello = vec![0u8; len];
                let _ = tokio::time::timeout(wait, stream.read_exact(&mut hello)).await;
                let _ = stream.write_all(&PROTOCOL_VERSION_ALERT).await;
                let _ = stream.flush().await;
                let _ = stream.shutdown().await;
            });
        }
    });
    Ok(local)
}
