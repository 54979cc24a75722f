package dev.tcpshaker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.HostAndPort;

/**
 * The loop shared by both engines: one thread owns every socket from connect to close,
 * takes submissions from a queue, keeps deadlines in a heap and sleeps in the poller
 * until the next deadline or a wake-up.
 * <p>
 * Stealth is a matter of ordering. Once the SYN-ACK is in, the kernel holds back the
 * final ACK for at most 200 ms; a socket closed later completes the handshake and the
 * target accepts a connection. So each turn drains every ready socket and closes it
 * before it starts new connects, and starts at most {@value #STARTS_PER_TURN} of them,
 * which keeps the time from readiness to close at a few milliseconds whatever the
 * number of checks queued. Completions run after the turn's closes, so a slow
 * callback cannot delay the RST of the sockets that were ready with it.
 *
 * @param <C> the engine's check type
 */
public abstract class EventLoopEngine<C extends Check> implements CheckEngine {

	private static final Logger logger = LoggerFactory.getLogger(EventLoopEngine.class);

	/** Connects started per turn before ready sockets are drained again. */
	static final int STARTS_PER_TURN = 128;

	/** A close this long after readiness counts as late: half-way to the kernel's 200 ms. */
	static final long LATE_CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final String SHUTTING_DOWN = "shutting down: the TcpShaker was stopped";

	private final ConcurrentLinkedQueue<C> submissions = new ConcurrentLinkedQueue<>();

	/**
	 * Checks submitted on the loop thread itself (by completions that start the next
	 * check): no other thread touches them, so they skip the concurrent queue's CAS and
	 * the wake-up. Loop thread only.
	 */
	private final ArrayDeque<C> loopSubmissions = new ArrayDeque<>();

	/** Set while the loop may block in the poller, so submitters know to wake it. */
	private final AtomicBoolean sleeping = new AtomicBoolean();

	private final DeadlineHeap deadlines = new DeadlineHeap();

	private final List<Check> finished = new ArrayList<>();

	private final String name;

	private final CheckMethod method;

	private final ThreadFactory threadFactory;

	private final CheckFactory<C> checkFactory;

	protected final boolean halfOpen;

	private volatile boolean running;

	private volatile Thread loopThread;

	private volatile long lateCloses;

	/** Why the loop died, when it did; reported to every check until a restart. */
	private volatile Throwable failure;

	/**
	 * Creates an engine, not yet started.
	 * @param name the engine's short name
	 * @param method what its checks do on the wire
	 * @param threadFactory makes the loop thread
	 * @param checkFactory makes the engine's check type
	 */
	protected EventLoopEngine(String name, CheckMethod method, ThreadFactory threadFactory,
			CheckFactory<C> checkFactory) {
		this.name = name;
		this.method = method;
		this.threadFactory = threadFactory;
		this.checkFactory = checkFactory;
		this.halfOpen = method == CheckMethod.HALF_OPEN;
	}

	@Override
	public final String name() {
		return this.name;
	}

	@Override
	public final CheckMethod method() {
		return this.method;
	}

	/**
	 * Starts the loop. A loop that is still shutting down (after {@link #stop()} from
	 * its own thread, or a crash) is waited for first, so two loops never share the
	 * poller or the sockets.
	 * @throws IllegalStateException when called on the loop thread of a loop that is
	 * still shutting down, or when the thread factory makes no thread
	 */
	@Override
	public void start() {
		while (true) {
			Thread previous;
			synchronized (this) {
				if (this.running) {
					return;
				}
				previous = this.loopThread;
				if (previous == null || !previous.isAlive()) {
					startLoop();
					return;
				}
				if (previous == Thread.currentThread()) {
					throw new IllegalStateException("Cannot restart the " + name() + " loop from its own thread");
				}
			}
			join(previous);
		}
	}

	private void startLoop() {
		try {
			openPoller();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the " + name() + " poller", ex);
		}
		Thread thread;
		try {
			thread = this.threadFactory.newThread(this::runLoop);
			if (thread == null) {
				throw new IllegalStateException("The thread factory made no thread for the " + name() + " loop");
			}
			this.failure = null;
			this.running = true;
			this.loopThread = thread;
			thread.start();
		}
		catch (RuntimeException | Error ex) {
			this.running = false;
			closePollerQuietly();
			throw ex;
		}
	}

	/**
	 * Stops the loop and, unless called on the loop thread, waits until every check in
	 * flight has completed and every socket is closed. The wait happens outside the
	 * engine's lock, so completions that call back into the engine cannot deadlock it.
	 */
	@Override
	public void stop() {
		Thread thread;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			thread = this.loopThread;
		}
		wakeup();
		if (thread != Thread.currentThread()) {
			join(thread);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public long lateCloses() {
		return this.lateCloses;
	}

	@Override
	public void submit(InetSocketAddress address, long deadlineNanos, Check.Completion completion) {
		C check = this.checkFactory.create(address, deadlineNanos, completion);
		if (!this.running) {
			completion.complete(CheckOutcome.ERROR, stoppedDetail(), System.nanoTime());
			return;
		}
		if (inLoop()) {
			this.loopSubmissions.add(check);
			return;
		}
		this.submissions.offer(check);
		if (!this.running) {
			// The loop may have drained the queue for the last time before our offer.
			failSubmissions();
			return;
		}
		if (this.sleeping.compareAndSet(true, false)) {
			wakeup();
		}
	}

	@Override
	public boolean inLoop() {
		return Thread.currentThread() == this.loopThread;
	}

	/**
	 * Whether the caller may touch sockets: the loop thread, or any single thread before
	 * the loop first starts (as unit tests of an engine do).
	 */
	protected boolean ownsSockets() {
		return this.loopThread == null || inLoop();
	}

	private String stoppedDetail() {
		Throwable failure = this.failure;
		return (failure != null) ? "the check loop failed: " + failure : SHUTTING_DOWN;
	}

	private void runLoop() {
		try {
			while (this.running) {
				turn();
			}
		}
		catch (Throwable ex) {
			logger.error("The {} check loop failed; failing every check in flight", name(), ex);
			this.failure = ex;
			this.running = false;
		}
		finally {
			shutDown();
		}
	}

	private void turn() throws IOException {
		long timeoutMillis = (this.loopSubmissions.isEmpty() && this.submissions.isEmpty()) ? millisToNextDeadline()
				: 0;
		if (timeoutMillis != 0) {
			this.sleeping.set(true);
			if (!this.submissions.isEmpty() || !this.running) {
				timeoutMillis = 0;
			}
		}
		drainReady(timeoutMillis);
		this.sleeping.set(false);
		expireDeadlines();
		completeFinished();
		startSubmissions();
		completeFinished();
	}

	private long millisToNextDeadline() {
		Check next = this.deadlines.peek();
		if (next == null) {
			return -1;
		}
		long nanos = next.deadlineNanos - System.nanoTime();
		// Round up: waking a little late is fine, waking early would spin.
		return (nanos <= 0) ? 0 : Math.max(1, (nanos + 999_999) / 1_000_000);
	}

	private void expireDeadlines() {
		assert inLoop();
		long now = System.nanoTime();
		Check next;
		while ((next = this.deadlines.peek()) != null && next.deadlineNanos - now <= 0) {
			@SuppressWarnings("unchecked")
			C check = (C) next;
			finish(check, CheckOutcome.TIMEOUT, timeoutDetail(check), now);
		}
	}

	private static String timeoutDetail(Check check) {
		return "no answer from " + printable(check.address) + " before the timeout";
	}

	private static String notStartedDetail(Check check) {
		return "the timeout passed before the SYN to " + printable(check.address)
				+ " was sent (the name lookup or the queue of checks ahead of it took the time)";
	}

	private static String printable(InetSocketAddress address) {
		return HostAndPort.format(address.getAddress().getHostAddress(), address.getPort());
	}

	private void startSubmissions() {
		assert inLoop();
		for (int started = 0; started < STARTS_PER_TURN; started++) {
			C check = nextSubmission((started & 1) == 0);
			if (check == null) {
				return;
			}
			long now = System.nanoTime();
			if (check.deadlineNanos - now <= 0) {
				check.verdict(CheckOutcome.TIMEOUT, notStartedDetail(check), now);
				this.finished.add(check);
				continue;
			}
			check.connectNanos = now;
			if (connect(check)) {
				this.deadlines.add(check);
			}
		}
	}

	/** Alternates between the two queues, so neither starves the other. */
	private C nextSubmission(boolean loopFirst) {
		C check = loopFirst ? this.loopSubmissions.poll() : this.submissions.poll();
		if (check == null) {
			check = loopFirst ? this.submissions.poll() : this.loopSubmissions.poll();
		}
		return check;
	}

	/**
	 * Records the verdict of a check in flight and closes its socket at once; the
	 * completion runs later in the turn.
	 */
	protected final void finish(C check, CheckOutcome outcome, String detail, long now) {
		assert ownsSockets();
		this.deadlines.remove(check);
		close(check);
		check.verdict(outcome, detail, now);
		this.finished.add(check);
	}

	/**
	 * Finishes a check whose socket the poller reported ready, counting the close as
	 * late if it came too long after the socket could have become ready.
	 * @param readySinceNanos no ready socket reported now was ready before this moment
	 */
	protected final void finishReady(C check, CheckOutcome outcome, String detail, long readySinceNanos) {
		finish(check, outcome, detail, System.nanoTime());
		if (this.halfOpen && outcome == CheckOutcome.UP) {
			long readyAt = Math.max(readySinceNanos, check.connectNanos);
			if (System.nanoTime() - readyAt > LATE_CLOSE_NANOS) {
				this.lateCloses++; // only the loop thread writes
			}
		}
	}

	/** Records the verdict of a check whose connect failed before it reached the poller. */
	protected final void finishUnregistered(C check, CheckOutcome outcome, String detail) {
		assert ownsSockets();
		check.verdict(outcome, detail, System.nanoTime());
		this.finished.add(check);
	}

	private void completeFinished() {
		assert inLoop();
		for (int i = 0; i < this.finished.size(); i++) {
			Check check = this.finished.get(i);
			try {
				check.complete();
			}
			catch (Throwable ex) {
				logger.warn("A check completion failed; the loop goes on", ex);
			}
		}
		this.finished.clear();
	}

	private void shutDown() {
		long now = System.nanoTime();
		Check next;
		String detail = stoppedDetail();
		while ((next = this.deadlines.peek()) != null) {
			@SuppressWarnings("unchecked")
			C check = (C) next;
			finish(check, CheckOutcome.ERROR, detail, now);
		}
		closePollerQuietly();
		completeFinished();
		failSubmissions();
	}

	private void closePollerQuietly() {
		try {
			closePoller();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Closing the {} poller failed", name(), ex);
		}
	}

	private void failSubmissions() {
		C check;
		String detail = stoppedDetail();
		if (inLoop()) {
			this.submissions.addAll(this.loopSubmissions);
			this.loopSubmissions.clear();
		}
		while ((check = this.submissions.poll()) != null) {
			check.verdict(CheckOutcome.ERROR, detail, System.nanoTime());
			try {
				check.complete();
			}
			catch (Throwable ex) {
				logger.warn("A check completion failed", ex);
			}
		}
	}

	protected abstract void openPoller() throws IOException;

	protected abstract void closePoller() throws IOException;

	/** Makes a loop blocked in the poller return. Any thread. */
	protected abstract void wakeup();

	/**
	 * Waits up to {@code timeoutMillis} (-1: no limit, 0: not at all) for ready sockets,
	 * then keeps polling without waiting until none is left, finishing each one with
	 * {@link #finishReady}.
	 */
	protected abstract void drainReady(long timeoutMillis) throws IOException;

	/**
	 * Opens a socket and starts connecting.
	 * @return {@code true} when the check now waits in the poller; {@code false} when it
	 * already finished through {@link #finishUnregistered}
	 */
	protected abstract boolean connect(C check);

	/** Closes the check's socket. Called exactly once per registered check. */
	protected abstract void close(C check);

	/**
	 * Makes an engine's check.
	 *
	 * @param <C> the engine's check type
	 */
	@FunctionalInterface
	protected interface CheckFactory<C extends Check> {

		C create(InetSocketAddress address, long deadlineNanos, Check.Completion completion);

	}

}
