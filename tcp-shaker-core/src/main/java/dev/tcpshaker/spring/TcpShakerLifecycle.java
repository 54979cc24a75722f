package dev.tcpshaker.spring;

import org.springframework.context.SmartLifecycle;

import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.internal.DefaultTcpShaker;

/**
 * Lets a Spring context start and stop a {@link TcpShaker}'s loop with the context.
 * <p>
 * The shaker is already running when built, so starting matters only after a stop.
 * Stopping completes every check in flight and closes every socket; a shaker that is
 * not the built-in one cannot restart, so stopping closes it. The name-lookup threads
 * are not the loop's: they end after 30 idle seconds, or when the shaker is closed
 * (Spring closes a {@code @Bean} shaker with the context). The phase puts this
 * after the web server on the way down, so health requests answered during a
 * graceful shutdown still have a loop to run on.
 */
public class TcpShakerLifecycle implements SmartLifecycle {

	/** Before the web server's phases on start, after them on stop. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final TcpShaker shaker;

	private volatile boolean running = true;

	public TcpShakerLifecycle(TcpShaker shaker) {
		this.shaker = shaker;
	}

	@Override
	public void start() {
		if (this.shaker instanceof DefaultTcpShaker managed) {
			managed.start();
			this.running = managed.isRunning();
		}
	}

	@Override
	public void stop() {
		if (this.shaker instanceof DefaultTcpShaker managed) {
			managed.stop();
		}
		else {
			this.shaker.close();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		if (this.shaker instanceof DefaultTcpShaker managed) {
			return managed.isRunning();
		}
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
