package dev.tcpshaker.internal;

import java.util.concurrent.ThreadFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.Engine;
import dev.tcpshaker.internal.epoll.Epoll;
import dev.tcpshaker.internal.epoll.EpollEngine;
import dev.tcpshaker.internal.nio.NioEngine;

/**
 * Picks the engine for a requested method, falling back with one WARN that says why.
 */
public final class Engines {

	private static final Logger logger = LoggerFactory.getLogger(Engines.class);

	private Engines() {
	}

	/**
	 * Loads the epoll engine's native code on a daemon thread. The class initialisation
	 * that loads it runs once: a shaker built meanwhile waits for it instead of loading
	 * a second time.
	 */
	public static void preloadInBackground() {
		Thread thread = new Thread(Epoll::isAvailable, "tcp-shaker-preload");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Creates an engine, not yet started.
	 * @param kind which loop to use
	 * @param method what to do on the wire
	 * @param threadFactory makes the loop thread
	 * @return the engine
	 * @throws IllegalStateException when the kind or method cannot run here
	 */
	public static CheckEngine create(Engine kind, CheckMethod method, ThreadFactory threadFactory) {
		CheckMethod wire = (method == CheckMethod.CONNECT) ? CheckMethod.CONNECT : CheckMethod.HALF_OPEN;
		if (kind == Engine.EPOLL && !Epoll.isAvailable()) {
			throw new IllegalStateException("The epoll engine is unavailable: " + Epoll.unavailabilityCause(),
					Epoll.unavailabilityCause());
		}
		if (kind != Engine.NIO && Epoll.isAvailable()) {
			NativeAccess.warnOnceIfNotEnabled();
			return new EpollEngine(threadFactory, wire);
		}
		if (kind == Engine.AUTO) {
			logger.warn("tcp-shaker: the epoll engine is unavailable ({}); using the pure-JDK engine",
					Epoll.unavailabilityCause().toString());
		}
		if (wire == CheckMethod.CONNECT) {
			return new NioEngine(threadFactory, NioEngine.Mode.CONNECT);
		}
		if (NioEngine.isHalfOpenSupported()) {
			return new NioEngine(threadFactory, NioEngine.Mode.HALF_OPEN);
		}
		if (method == CheckMethod.HALF_OPEN) {
			throw new IllegalStateException("Half-open checks need Linux (TCP_QUICKACK); this is "
					+ Platform.osName() + ". Use CheckMethod.AUTO or CONNECT.");
		}
		logger.warn("tcp-shaker: TCP_QUICKACK is unsupported on {}; checks are full connects closed with a RST,"
				+ " so targets will see (and may log) each connection", Platform.osName());
		return new NioEngine(threadFactory, NioEngine.Mode.CONNECT_RESET);
	}

}
