//! Serving an axum router over plain TCP or TLS, with a shutdown signal shared by
//! the whole world.

use std::net::SocketAddr;

use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;

/// Tells every server of the world to stop.
#[derive(Clone)]
pub struct Shutdown {
    tx: watch::Sender<bool>,
}

impl Shutdown {
    pub fn new() -> Self {
        Self {
            tx: watch::channel(false).0,
        }
    }
    pub fn trigger(&self) {
        let _ = self.tx.send(true);
    }
    pub fn is_triggered(&self) -> bool {
        *self.tx.borrow()
    }
    /// Resolves once shutdown has been triggered.
    pub async fn wait(&self) {
        let mut rx = self.tx.subscribe();
        let _ = rx.wait_for(|v| *v).await;
    }
}

impl Default for Shutdown {
    fn default() -> Self {
        Self::new()
    }
}

/// Binds `addr` and serves `router` on it (TLS when `tls` is given) until shutdown.
/// Returns the bound address (useful with port 0) and the accept loop's task.
pub async fn serve(
    addr: SocketAddr,
    tls: Option<TlsAcceptor>,
    router: Router,
    shutdown: Shutdown,
) -> std::io::Result<(SocketAddr, JoinHandle<()>)> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    let task = tokio::spawn(async move {
        loop {
            let (stream, peer) = tokio::select! {
                r = listener.accept() => match r {
                    Ok(x) => x,
                    Err(e) => {
                        tracing::debug!("accept on {local}: {e}");
                        continue;
                    }
                },
                _ = shutdown.wait() => break,
            };
            let router = router.clone();
            let tls = tls.clone();
            let shutdown = shutdown.clone();
            tokio::spawn(async move {
                let svc = TowerToHyperService::new(router.layer(axum::Extension(PeerAddr(peer))));
                let builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
                match tls {
                    Some(acceptor) => match acceptor.accept(stream).await {
                        Ok(s) => {
                            let conn = builder.serve_connection(TokioIo::new(s), svc);
                            tokio::select! { _ = conn => {}, _ = shutdown.wait() => {} }
                        }
                        Err(e) => tracing::debug!("TLS handshake from {peer}: {e}"),
                    },
                    None => {
                        let conn = builder.serve_connection(TokioIo::new(stream), svc);
                        tokio::select! { _ = conn => {}, _ = shutdown.wait() => {} }
                    }
                }
            });
        }
    });
    Ok((local, task))
}

/// The remote address of the connection a request came in on.
#[derive(Clone, Copy, Debug)]
pub struct PeerAddr(pub SocketAddr);
