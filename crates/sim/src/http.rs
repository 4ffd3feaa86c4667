//! Serving an axum router over plain TCP or TLS, with a shutdown signal shared by
//! the whole world; what the servers share (accepting connections, reading a cookie,
//! taking one of a fault's "next N").

use std::net::SocketAddr;
use std::time::Duration;

use axum::http::{header, HeaderMap};
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
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
        while let Some((stream, peer)) = accept(&listener, &shutdown).await {
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

/// The next connection on `listener`, or `None` once `shutdown` is triggered. A
/// failed accept (out of file descriptors, say) is logged and tried again shortly.
pub async fn accept(
    listener: &TcpListener,
    shutdown: &Shutdown,
) -> Option<(TcpStream, SocketAddr)> {
    loop {
        tokio::select! {
            r = listener.accept() => match r {
                Ok(x) => return Some(x),
                Err(e) => {
                    tracing::debug!("accept on {:?}: {e}", listener.local_addr());
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            _ = shutdown.wait() => return None,
        }
    }
}

/// The value of the cookie `name` the request carries.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Takes one from a fault's countdown ("the next N requests …"): whether one was
/// left.
pub fn take_one(countdown: &mut u32) -> bool {
    let left = *countdown > 0;
    if left {
        *countdown -= 1;
    }
    left
}

/// The remote address of the connection a request came in on.
#[derive(Clone, Copy, Debug)]
pub struct PeerAddr(pub SocketAddr);
