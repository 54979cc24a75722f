package dev.tcpshaker.spring;

import org.springframework.context.SmartLifecycle;

import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.internal.Restartable;

/**
 * Lets a Spring context start and stop a {@link TcpShaker}'s loop with the context.
 * <p>
 * The shaker is already running when built, so starting matters only after a stop.
 * Stopping completes every check in flight and closes every socket. A shaker from
 * {@code TcpShaker.builder()} restarts on {@code start()}; any other implementation has
 * no restart in its contract, so stopping closes it. The name-lookup threads
 * are not the loop's: they end after 30 idle seconds, or when the shaker is closed
 * (Spring closes a {@code @Bean} shaker with the context). The phase puts this
 * after the web server on the way down, so health requests answered during a
 * graceful shutdown still have a loop to run on.
 */
public class TcpShakerLifecycle implements SmartLifecycle {

	/** Before the web server's phases on start, after them on stop. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final TcpShaker shaker;

	/** The shaker's restart capability, or {@code null} when it has none. */
	private final Restartable restartable;

	private volatile boolean running = true;

	public TcpShakerLifecycle(TcpShaker shaker) {
		this.shaker = shaker;
		this.restartable = (shaker instanceof Restartable loop) ? loop : null;
	}

	@Override
	public void start() {
		if (this.restartable != null) {
			this.restartable.start();
		}
	}

	@Override
	public void stop() {
		if (this.restartable != null) {
			this.restartable.stop();
		}
		else {
			this.shaker.close();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return (this.restartable != null) ? this.restartable.isRunning() : this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
