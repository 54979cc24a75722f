package dev.tcpshaker.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in database on 127.0.0.1: it accepts, counts and closes every connection. The
 * half-open health checks must leave its count at 0, which the {@code demoListener}
 * health details show.
 */
public class DemoListener implements AutoCloseable {

	private static final Duration ACCEPT_RETRY_PAUSE = Duration.ofMillis(100);

	private final ServerSocket server;

	private final AtomicLong accepted = new AtomicLong();

	DemoListener(int port) {
		try {
			this.server = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " (set demo.listener.port)", ex);
		}
		Thread acceptor = new Thread(this::acceptLoop, "demo-listener");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Accepts until the socket is closed. An accept that fails on an open socket (out of
	 * file descriptors, say) fails again at once, so the loop pauses before it retries
	 * instead of spinning.
	 */
	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				this.accepted.incrementAndGet();
			}
			catch (IOException ex) {
				if (!this.server.isClosed() && !pauseBeforeRetry()) {
					return;
				}
			}
		}
	}

	/** Returns false when interrupted, which ends the loop. */
	private static boolean pauseBeforeRetry() {
		try {
			Thread.sleep(ACCEPT_RETRY_PAUSE.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Connections this listener's application code accepted. */
	public long acceptedConnections() {
		return this.accepted.get();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
