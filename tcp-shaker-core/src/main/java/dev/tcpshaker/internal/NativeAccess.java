package dev.tcpshaker.internal;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the JVM lets us load native code without complaint. From JDK 22 on, loading a
 * library from a module without native access enabled prints a JDK warning (and a
 * future release will refuse it); this says so once, in our words, with the fixes.
 */
public final class NativeAccess {

	private static final Logger logger = LoggerFactory.getLogger(NativeAccess.class);

	private static final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Whether native access was enabled before we loaded native code: the JDK enables it
	 * for a module once it has warned about it, so asking afterwards always says yes.
	 */
	private static volatile boolean enabledBeforeLoad = true;

	private NativeAccess() {
	}

	/** Notes whether native access is enabled, just before jnr-ffi loads native code. */
	public static void recordBeforeLoad() {
		enabledBeforeLoad = Runtime.version().feature() < 22 || isEnabled(NativeAccess.class.getModule());
	}

	/**
	 * Logs one WARN, the first time an epoll engine is made, when native access was not
	 * enabled. Not at load time: the load may run on a preload thread while the
	 * application's logging is still being set up, and the line would be lost.
	 */
	static void warnOnceIfNotEnabled() {
		if (enabledBeforeLoad || !warned.compareAndSet(false, true)) {
			return;
		}
		logger.warn("tcp-shaker: the epoll engine loads native code through jnr-ffi, and native access is not enabled,"
				+ " so JDK {} prints a warning about it (and a future JDK will refuse it). Enable it with"
				+ " --enable-native-access=ALL-UNNAMED on the java command line, or the manifest entry"
				+ " 'Enable-Native-Access: ALL-UNNAMED' of an executable jar; or choose the pure-JDK engine, which"
				+ " loads no native code and is half-open on Linux too (tcpshaker.engine=nio, Engine.NIO).",
				Runtime.version().feature());
	}

	/** {@code Module.isNativeAccessEnabled()}, which exists from JDK 22 on. */
	private static boolean isEnabled(Module module) {
		try {
			Method method = Module.class.getMethod("isNativeAccessEnabled");
			return (Boolean) method.invoke(module);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return true; // cannot tell: say nothing rather than something wrong
		}
	}

}
