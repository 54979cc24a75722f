package dev.tcpshaker.internal;

import java.util.Locale;

/**
 * What operating system this is, asked in one place.
 */
public final class Platform {

	private Platform() {
	}

	/**
	 * Whether this is Linux, where epoll and {@code TCP_QUICKACK} exist.
	 * @return {@code true} on Linux
	 */
	public static boolean isLinux() {
		return osName().toLowerCase(Locale.ROOT).startsWith("linux");
	}

	/**
	 * The {@code os.name} system property, for messages.
	 * @return the operating system's name
	 */
	public static String osName() {
		return System.getProperty("os.name", "");
	}

}
