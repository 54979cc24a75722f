package dev.tcpshaker.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in database on 127.0.0.1: it accepts, counts and closes every connection. The
 * half-open health checks must leave its count at 0, which the {@code demoListener}
 * health details show.
 */
public class DemoListener implements AutoCloseable {

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

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				this.accepted.incrementAndGet();
			}
			catch (IOException ex) {
				// closed
			}
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
