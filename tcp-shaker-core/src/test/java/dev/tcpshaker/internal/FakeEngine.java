package dev.tcpshaker.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;

/**
 * The shared loop with no sockets, for tests of the loop itself: a connect either
 * waits for its deadline or, with {@link #connectAtOnce}, succeeds at once; the poller
 * is a semaphore that {@link #wakeup()} releases. Every call is written to
 * {@link #log}, in order.
 */
class FakeEngine extends EventLoopEngine<Check> {

	final List<String> log = Collections.synchronizedList(new ArrayList<>());

	/** Runs on the loop thread inside each connect. */
	volatile Consumer<Check> onConnect = (check) -> {
	};

	volatile boolean connectAtOnce;

	private final Semaphore wakeups = new Semaphore(0);

	FakeEngine() {
		super("fake", CheckMethod.HALF_OPEN, Thread::new, Check::new);
	}

	long count(String entry) {
		synchronized (this.log) {
			return this.log.stream().filter(entry::equals).count();
		}
	}

	@Override
	protected void openPoller() {
		this.wakeups.drainPermits();
	}

	@Override
	protected void closePoller() {
	}

	@Override
	protected void wakeup() {
		this.wakeups.release();
	}

	@Override
	protected void drainReady(long timeoutMillis) throws IOException {
		this.log.add("drain");
		try {
			if (timeoutMillis < 0) {
				this.wakeups.acquire();
			}
			else if (timeoutMillis > 0) {
				this.wakeups.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException();
		}
		this.wakeups.drainPermits();
	}

	@Override
	protected boolean connect(Check check) {
		this.log.add("connect");
		this.onConnect.accept(check);
		if (this.connectAtOnce) {
			finishUnregistered(check, CheckOutcome.UP, "connected at once");
			return false;
		}
		return true;
	}

	@Override
	protected void close(Check check) {
		this.log.add("close");
	}

}
