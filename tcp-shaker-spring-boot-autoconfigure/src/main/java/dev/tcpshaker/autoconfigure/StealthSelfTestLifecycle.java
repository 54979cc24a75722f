package dev.tcpshaker.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.tcpshaker.StealthSelfTest;
import dev.tcpshaker.StealthSelfTest.Result;
import dev.tcpshaker.StealthSelfTest.Verdict;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.spring.TcpShakerLifecycle;

/**
 * Runs the {@link StealthSelfTest} once the shaker's loop runs, on a daemon thread of its
 * own so that start-up never waits for it, logs its verdict (one WARN when the checks
 * are not stealthy) and keeps it for the endpoint and the health details.
 */
class StealthSelfTestLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StealthSelfTestLifecycle.class);

	private final TcpShaker shaker;

	private volatile Result result = Result.notRunYet();

	private volatile Thread thread;

	StealthSelfTestLifecycle(TcpShaker shaker) {
		this.shaker = shaker;
	}

	/**
	 * The verdict so far: {@link Verdict#UNKNOWN} until the self-test has finished.
	 * @return the result
	 */
	Result result() {
		return this.result;
	}

	@Override
	public synchronized void start() {
		if (this.thread != null || this.result.verdict() != Verdict.UNKNOWN) {
			return;
		}
		Thread thread = new Thread(this::run, "tcp-shaker-self-test");
		thread.setDaemon(true);
		this.thread = thread;
		thread.start();
	}

	private void run() {
		Result result = StealthSelfTest.run(this.shaker);
		synchronized (this) {
			if (this.thread != Thread.currentThread()) {
				return; // stopped meanwhile: the verdict may only say that the loop stopped
			}
			this.thread = null;
			this.result = result;
		}
		switch (result.verdict()) {
			case VERIFIED -> logger.info("tcp-shaker: stealth verified: {}", result.detail());
			case NOT_VERIFIED -> logger.warn("tcp-shaker: stealth NOT verified: {}. Targets will see a connection"
					+ " (and may log it) for every check; the checks still tell up from down.", result.detail());
			case UNKNOWN -> logger.info("tcp-shaker: stealth unknown: {}", result.detail());
		}
	}

	@Override
	public synchronized void stop() {
		Thread thread = this.thread;
		this.thread = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	/** Right after the shaker's loop runs on start. */
	@Override
	public int getPhase() {
		return TcpShakerLifecycle.PHASE + 1;
	}

}
