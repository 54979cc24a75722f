package dev.tcpshaker.internal;

import java.time.Duration;

/**
 * Argument checks shared by the public API: each message names the argument and its value.
 * Hosts and ports are checked by {@link dev.tcpshaker.HostAndPort}.
 */
public final class Arguments {

	private Arguments() {
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
