package dev.tcpshaker.internal;

import java.time.Duration;

/**
 * Argument checks shared by the public API: each message names the argument and its value.
 */
public final class Arguments {

	private Arguments() {
	}

	public static String requireHost(String host) {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("host must not be blank but was " + ((host != null) ? "'" + host + "'" : "null"));
		}
		return host;
	}

	public static int requirePort(int port) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be in 1..65535 but was " + port);
		}
		return port;
	}

	public static Duration requirePositive(String name, Duration duration) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive but was " + duration);
		}
		return duration;
	}

	public static int requirePositive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
		return value;
	}

}
