package dev.tcpshaker.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * A stand-in for a dependency that is down: a loopback port that is bound, so nothing
 * else takes it, but never listens, so a SYN gets a RST.
 */
public class DemoClosedPort implements AutoCloseable {

	private final SocketChannel channel;

	DemoClosedPort(int port) {
		try {
			this.channel = SocketChannel.open();
			this.channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot bind 127.0.0.1:" + port + " (set demo.closed.port)", ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
