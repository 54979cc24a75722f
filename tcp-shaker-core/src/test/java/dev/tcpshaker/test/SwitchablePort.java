package dev.tcpshaker.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that can be switched between listening (a SYN gets a SYN-ACK) and
 * closed (a SYN gets a RST), to play a dependency that goes down and comes back. While
 * listening it accepts and counts whatever completes a handshake.
 */
public final class SwitchablePort implements AutoCloseable {

	private final int port = LoopbackServers.freePortBelowEphemeralRange();

	private final AtomicInteger accepted = new AtomicInteger();

	private ServerSocketChannel server;

	private Thread acceptor;

	public SwitchablePort(boolean listening) {
		listening(listening);
	}

	public int port() {
		return this.port;
	}

	public synchronized boolean isListening() {
		return this.server != null;
	}

	/** Opens or closes the listener; does nothing when it already is so. */
	public synchronized void listening(boolean listening) {
		try {
			if (listening && this.server == null) {
				ServerSocketChannel server = ServerSocketChannel.open();
				server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
				server.bind(new InetSocketAddress(LoopbackServers.ipv4(), this.port), 128);
				this.server = server;
				this.acceptor = new Thread(() -> acceptLoop(server), "switchable-port-" + this.port);
				this.acceptor.setDaemon(true);
				this.acceptor.start();
			}
			else if (!listening && this.server != null) {
				this.server.close();
				this.acceptor.join(5_000);
				this.server = null;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void acceptLoop(ServerSocketChannel server) {
		while (server.isOpen()) {
			try (SocketChannel client = server.accept()) {
				this.accepted.incrementAndGet();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	/** Connections accepted while listening: 0 for half-open checks. */
	public int acceptCount() {
		return this.accepted.get();
	}

	@Override
	public void close() {
		listening(false);
	}

}
