package dev.tcpshaker.autoconfigure;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import dev.tcpshaker.Engine;
import dev.tcpshaker.TcpShaker;

/**
 * Starts loading the epoll engine's native code as soon as the environment is ready,
 * on a daemon thread, so that it overlaps the rest of the context's start-up instead of
 * adding to it: the shaker bean, built later, finds it loaded. Nothing loads when
 * tcp-shaker is disabled or runs the pure-JDK engine.
 */
class NativeEnginePreloader implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		if (!environment.getProperty("tcpshaker.enabled", Boolean.class, true)) {
			return;
		}
		String engine = environment.getProperty("tcpshaker.engine", "auto");
		if (!Engine.NIO.name().equalsIgnoreCase(engine)) {
			TcpShaker.preloadNativeEngine();
		}
	}

}
