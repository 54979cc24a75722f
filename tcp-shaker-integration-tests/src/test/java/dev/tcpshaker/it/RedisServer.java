package dev.tcpshaker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.tcpshaker.test.LoopbackServers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away Redis server on 127.0.0.1, with nothing persisted. Redis counts every
 * connection it accepts in {@code INFO stats: total_connections_received}.
 */
final class RedisServer implements AutoCloseable {

	private static final Pattern RECEIVED = Pattern.compile("total_connections_received:(\\d+)");

	private final Path redisCli;

	private final int port;

	private final Process process;

	private long queries;

	RedisServer() {
		this(LoopbackServers.freePortBelowEphemeralRange());
	}

	/** A server on a given port: a restart of one that was stopped, as an operator would do it. */
	RedisServer(int port) {
		Path server = RealServers.requireBinary("redis-server");
		this.redisCli = RealServers.requireBinary("redis-cli");
		this.port = port;
		try {
			Path log = Files.createTempFile("tcpshaker-redis", ".log");
			this.process = new ProcessBuilder(server.toString(), "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			RealServers.awaitLogLine(log, "Ready to accept connections", 60);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * Connections Redis accepted so far, other than those of these queries. Redis
	 * accepts in order on one thread, so the query's own connection comes after every
	 * connection that reached its accept queue before it.
	 */
	long connectionsReceived() {
		this.queries++;
		String info = RealServers.run(
				List.of(this.redisCli.toString(), "-h", "127.0.0.1", "-p", Integer.toString(this.port), "INFO", "stats"),
				30);
		Matcher matcher = RECEIVED.matcher(info);
		if (!matcher.find()) {
			throw new IllegalStateException("no total_connections_received in INFO stats:\n" + info);
		}
		return Long.parseLong(matcher.group(1)) - this.queries;
	}

	@Override
	public void close() {
		RealServers.stop(this.process);
	}

}
