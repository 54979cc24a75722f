package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.Objects;

import dev.tcpshaker.HostAndPort;

/**
 * A named target with the timeout its checks use.
 *
 * @param name the target's name, which is also its health path segment
 * @param host the host name or address literal
 * @param port the port
 * @param timeout the timeout of each check
 */
public record CheckTarget(String name, String host, int port, Duration timeout) {

	public CheckTarget {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(timeout, "timeout");
	}

	/**
	 * The target in {@code host:port} form.
	 * @return the address as configured
	 */
	public String address() {
		return HostAndPort.format(this.host, this.port);
	}

}
