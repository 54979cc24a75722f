package dev.tcpshaker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tcpshaker.test.LoopbackServers;

/**
 * A throw-away PostgreSQL cluster on 127.0.0.1 with {@code log_connections=on}, so every
 * connection the server accepts leaves a "connection received" line in its log.
 */
final class PostgresServer implements AutoCloseable {

	private final Path base;

	private final Path dataDir;

	private final Path log;

	private final int port;

	private final Process process;

	PostgresServer() {
		Path initdb = RealServers.requireBinary("initdb");
		Path postgres = RealServers.requireBinary("postgres");
		this.port = LoopbackServers.freePortBelowEphemeralRange();
		try {
			Path base = Files.createTempDirectory("tcpshaker-pg");
			this.base = base;
			this.dataDir = base.resolve("data");
			this.log = base.resolve("postgres.log");
			if (RealServers.isRoot()) {
				// PostgreSQL refuses to run as root: hand the directory to the postgres user.
				RealServers.run(List.of("chown", "-R", "postgres", base.toString()), 30);
			}
			RealServers.run(asServerUser(initdb.toString(), "-D", this.dataDir.toString(), "-A", "trust", "-U",
					"postgres", "--no-sync"), 120);
			List<String> command = asServerUser(postgres.toString(), "-D", this.dataDir.toString(), "-p",
					Integer.toString(this.port), "-c", "listen_addresses=127.0.0.1", "-c",
					"unix_socket_directories=" + base, "-c", "log_connections=on", "-c", "fsync=off");
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.log.toFile())
				.start();
			RealServers.awaitLogLine(this.log, "ready to accept connections", 60);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> asServerUser(String... command) {
		List<String> full = new ArrayList<>();
		if (RealServers.isRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(List.of(command));
		return full;
	}

	int port() {
		return this.port;
	}

	/** Connections PostgreSQL accepted (and forked a backend for) so far. */
	long connectionsReceived() {
		try {
			return Files.readAllLines(this.log).stream().filter((line) -> line.contains("connection received")).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		RealServers.stop(this.process);
		RealServers.run(List.of("rm", "-rf", this.base.toString()), 60);
	}

}
