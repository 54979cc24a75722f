package dev.tcpshaker.spring;

import org.springframework.context.SmartLifecycle;

import dev.tcpshaker.monitor.TargetMonitor;

/**
 * Lets a Spring context start and stop a {@link TargetMonitor} with it: its phase is just
 * above the shaker's, so the monitor starts after the shaker's loop runs and stops
 * before it, and both still run before and after the web server.
 */
public class TargetMonitorLifecycle implements SmartLifecycle {

	/** Right after the shaker's loop on start, right before it on stop. */
	public static final int PHASE = TcpShakerLifecycle.PHASE + 1;

	private final TargetMonitor monitor;

	public TargetMonitorLifecycle(TargetMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void start() {
		this.monitor.start();
	}

	@Override
	public void stop() {
		this.monitor.stop();
	}

	@Override
	public boolean isRunning() {
		return this.monitor.isRunning();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
