package dev.tcpshaker;

/**
 * Which loop runs the checks. Both are half-open on Linux; they differ in what they
 * need from the JVM.
 */
public enum Engine {

	/** epoll where native code loads, the pure-JDK engine otherwise (with one WARN saying why). */
	AUTO,

	/**
	 * Linux epoll through jnr-ffi: the fastest, but it loads native code, which JDK 22+
	 * reports unless native access is enabled ({@code --enable-native-access=ALL-UNNAMED}).
	 */
	EPOLL,

	/** Pure-JDK {@code SocketChannel} and {@code Selector}: no native code at all. */
	NIO

}
