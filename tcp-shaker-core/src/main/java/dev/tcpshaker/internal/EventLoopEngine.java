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
 * takes submissions and tasks from queues, keeps checks' deadlines and other timers in
 * a heap and sleeps in the poller until the next deadline or a wake-up.
 * <p>
 * Stealth is a matter of ordering. Once the SYN-ACK is in, the kernel holds back the
 * final ACK for at most 200 ms; a socket closed later completes the handshake and the
 * target accepts a connection. So each turn drains every ready socket and closes it
 * before it starts new connects, and starts at most {@value #STARTS_PER_TURN} of them,
 * which keeps the time from readiness to close at a few milliseconds whatever the
 * number of checks queued. Completions run after the turn's closes, so a slow
 * callback cannot delay the RST of the sockets that were ready with it.
 * <p>
 * Timeouts are paced too: a turn expires at most {@value #EXPIRIES_PER_TURN} timers
 * and delivers their verdicts, and the loop polls for ready sockets again before the
 * next batch. A timed-out check's socket closes once no expiry is due, at most
 * {@value #CLOSES_PER_TURN} per turn: it got no SYN-ACK, so closing it later makes no
 * connection, and closing ten thousand of them first would delay the last verdict by
 * tens of milliseconds.
 * <p>
 * Each {@link #start()} begins a new run with its own queues. Whoever finds a run
 * stopped after queuing into it fails what is queued there; the next run never sees
 * it, so a restart neither loses a check nor fails one meant for the new run.
 *
 * @param <C> the engine's check type
 */
public abstract class EventLoopEngine<C extends Check> implements CheckEngine {

	private static final Logger logger = LoggerFactory.getLogger(EventLoopEngine.class);

	/** Connects started per turn before ready sockets are drained again. */
	static final int STARTS_PER_TURN = 128;

	/** Timers expired per turn before ready sockets are drained again. */
	static final int EXPIRIES_PER_TURN = 1024;

	/** Sockets of timed-out checks closed per turn, once no expiry is due. */
	static final int CLOSES_PER_TURN = 256;

	/** Tasks run per turn, so that tasks which execute tasks cannot hold the loop. */
	static final int TASKS_PER_TURN = 1024;

	/** A close this long after readiness counts as late: half-way to the kernel's 200 ms. */
	static final long LATE_CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private static final String SHUTTING_DOWN = "shutting down: the TcpShaker was stopped";

	private final String name;

	private final CheckMethod method;

	private final ThreadFactory threadFactory;

	private final CheckFactory<C> checkFactory;

	protected final boolean halfOpen;

	/** The current run of the loop, or the last one; {@code null} before the first start. */
	private volatile Run run;

	/**
	 * Checks submitted on the loop thread itself (by completions and timers that start
	 * the next check): no other thread touches them, so they skip the concurrent queue's
	 * CAS and the wake-up. Loop thread only.
	 */
	private final ArrayDeque<C> loopSubmissions = new ArrayDeque<>();

	/** Checks in flight and other timers. Loop thread only. */
	private final DeadlineHeap timers = new DeadlineHeap();

	/** Checks with a verdict whose completion has not run yet. Loop thread only. */
	private final List<Check> finished = new ArrayList<>();

	/** Timed-out checks whose verdict is out and whose socket is still open. Loop thread only. */
	private final ArrayDeque<C> expired = new ArrayDeque<>();

	private volatile long lateCloses;

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
			Run previous;
			synchronized (this) {
				previous = this.run;
				if (previous != null && previous.running) {
					return;
				}
				if (previous == null || !previous.thread.isAlive()) {
					startRun();
					return;
				}
				if (previous.thread == Thread.currentThread()) {
					throw new IllegalStateException("Cannot restart the " + this.name + " loop from its own thread");
				}
			}
			join(previous.thread);
		}
	}

	private void startRun() {
		try {
			openPoller();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the " + this.name + " poller", ex);
		}
		Run run;
		try {
			run = new Run();
		}
		catch (RuntimeException | Error ex) {
			closePollerQuietly();
			throw ex;
		}
		this.run = run;
		try {
			run.thread.start();
		}
		catch (RuntimeException | Error ex) {
			run.running = false;
			closePollerQuietly();
			// A submitter may have queued in the moment the run looked alive.
			failSubmissions(run);
			throw ex;
		}
	}

	/**
	 * Stops the loop and, unless called on the loop thread, waits until every check in
	 * flight has completed and every socket is closed. No connect starts after this
	 * call. The wait happens outside the engine's lock, so completions that call back
	 * into the engine cannot deadlock it.
	 */
	@Override
	public void stop() {
		Run run;
		synchronized (this) {
			run = this.run;
			if (run == null || !run.running) {
				return;
			}
			run.running = false;
		}
		wakeup();
		if (run.thread != Thread.currentThread()) {
			join(run.thread);
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
		Run run = this.run;
		return run != null && run.running;
	}

	@Override
	public long lateCloses() {
		return this.lateCloses;
	}

	@Override
	public void submit(InetSocketAddress address, long deadlineNanos, Check.Completion completion) {
		C check = this.checkFactory.create(address, deadlineNanos, completion);
		check.engine = this;
		Run run = this.run;
		if (run == null || !run.running) {
			completion.complete(CheckOutcome.ERROR, stoppedDetail(run), System.nanoTime());
			return;
		}
		if (run.thread == Thread.currentThread()) {
			this.loopSubmissions.add(check);
			return;
		}
		run.submissions.offer(check);
		if (!run.running) {
			// The loop may have drained its queue for the last time before our offer. All
			// in it was meant for this run, which is over; the next run has its own queue.
			failSubmissions(run);
			return;
		}
		if (run.sleeping.compareAndSet(true, false)) {
			wakeup();
		}
	}

	@Override
	public void execute(Runnable task) {
		if (task == null) {
			throw new IllegalArgumentException("task must not be null");
		}
		Run run = this.run;
		if (run == null || !run.running) {
			return;
		}
		run.tasks.offer(task);
		if (run.thread != Thread.currentThread() && run.sleeping.compareAndSet(true, false)) {
			wakeup();
		}
	}

	@Override
	public void schedule(LoopTimer timer, long atNanos) {
		assert inLoop() : "schedule() runs on the loop thread";
		if (timer == null) {
			throw new IllegalArgumentException("timer must not be null");
		}
		Run run = this.run;
		if (run == null || !run.running) {
			return; // shutDown() has dropped the timers, or is about to
		}
		this.timers.remove(timer);
		timer.deadlineNanos = atNanos;
		this.timers.add(timer);
	}

	@Override
	public void cancel(LoopTimer timer) {
		assert inLoop() : "cancel() runs on the loop thread";
		if (timer == null) {
			throw new IllegalArgumentException("timer must not be null");
		}
		this.timers.remove(timer);
	}

	@Override
	public boolean inLoop() {
		Run run = this.run;
		return run != null && run.thread == Thread.currentThread();
	}

	/**
	 * Whether the caller may touch sockets: the loop thread, or any single thread before
	 * the loop first starts (as unit tests of an engine do).
	 */
	protected boolean ownsSockets() {
		return this.run == null || inLoop();
	}

	private static String stoppedDetail(EventLoopEngine<?>.Run run) {
		Throwable failure = (run != null) ? run.failure : null;
		return (failure != null) ? "the check loop failed: " + failure : SHUTTING_DOWN;
	}

	private void runLoop(Run run) {
		try {
			while (run.running) {
				turn(run);
			}
		}
		catch (Throwable ex) {
			logger.error("The {} check loop failed; failing every check in flight", this.name, ex);
			run.failure = ex;
			run.running = false;
		}
		finally {
			shutDown(run);
		}
	}

	private void turn(Run run) throws IOException {
		long timeoutMillis = hasWork(run) ? 0 : millisToNextTimer();
		if (timeoutMillis != 0) {
			run.sleeping.set(true);
			// A submitter that queued before the flag was set saw no sleeper to wake.
			if (!run.submissions.isEmpty() || !run.tasks.isEmpty() || !run.running) {
				timeoutMillis = 0;
			}
		}
		drainReady(timeoutMillis);
		run.sleeping.set(false);
		if (!run.running) {
			return; // no expiry, task or connect after a stop: shutDown() finishes the rest
		}
		boolean moreExpiries = expireTimers(System.nanoTime());
		completeFinished();
		if (moreExpiries || !run.running) {
			return; // every due verdict goes out before slower work
		}
		runTasks(run);
		startSubmissions(run);
		completeFinished();
		closeExpired(CLOSES_PER_TURN);
	}

	private boolean hasWork(Run run) {
		return !this.loopSubmissions.isEmpty() || !this.expired.isEmpty() || !run.submissions.isEmpty()
				|| !run.tasks.isEmpty();
	}

	private long millisToNextTimer() {
		LoopTimer next = this.timers.peek();
		if (next == null) {
			return -1;
		}
		long nanos = next.deadlineNanos - System.nanoTime();
		// Round up: waking a little late is fine, waking early would spin.
		return (nanos <= 0) ? 0 : Math.max(1, (nanos + 999_999) / 1_000_000);
	}

	/**
	 * Expires up to {@value #EXPIRIES_PER_TURN} due timers.
	 * @return whether more are due
	 */
	private boolean expireTimers(long now) {
		assert inLoop();
		for (int i = 0; i < EXPIRIES_PER_TURN; i++) {
			LoopTimer timer = this.timers.peek();
			if (timer == null || timer.deadlineNanos - now > 0) {
				return false;
			}
			this.timers.remove(timer);
			try {
				timer.expire(now);
			}
			catch (Throwable ex) {
				logger.warn("A timer failed; the loop goes on", ex);
			}
		}
		LoopTimer next = this.timers.peek();
		return next != null && next.deadlineNanos - now <= 0;
	}

	/** The timeout of a check in flight: its verdict now, its socket's close later. */
	final void timeOut(Check timedOut, long now) {
		assert inLoop();
		@SuppressWarnings("unchecked")
		C check = (C) timedOut;
		check.verdict(CheckOutcome.TIMEOUT, "no answer from " + printable(check.address) + " before the timeout", now);
		this.finished.add(check);
		this.expired.add(check);
	}

	private void closeExpired(int limit) {
		C check;
		for (int i = 0; i < limit && (check = this.expired.poll()) != null; i++) {
			close(check);
		}
	}

	private static String printable(InetSocketAddress address) {
		return HostAndPort.format(address.getAddress().getHostAddress(), address.getPort());
	}

	private void runTasks(Run run) {
		assert inLoop();
		Runnable task;
		for (int i = 0; i < TASKS_PER_TURN && run.running && (task = run.tasks.poll()) != null; i++) {
			try {
				task.run();
			}
			catch (Throwable ex) {
				logger.warn("A loop task failed; the loop goes on", ex);
			}
		}
	}

	/**
	 * Starts up to {@value #STARTS_PER_TURN} connects, failing on the way (up to
	 * {@value #EXPIRIES_PER_TURN}) the checks whose deadline passed in the queue.
	 */
	private void startSubmissions(Run run) {
		assert inLoop();
		int started = 0;
		for (int taken = 0; started < STARTS_PER_TURN && taken < EXPIRIES_PER_TURN; taken++) {
			// A stop from another thread, or from a completion this turn, ends the starts:
			// no SYN leaves after it.
			if (!run.running) {
				return;
			}
			C check = nextSubmission(run, (taken & 1) == 0);
			if (check == null) {
				return;
			}
			long now = System.nanoTime();
			if (check.deadlineNanos - now <= 0) {
				// No SYN was sent, so this says nothing of the target: not a TIMEOUT.
				check.verdict(CheckOutcome.ERROR, "the check never started: its timeout passed while it waited for"
						+ " the overloaded check loop to send the SYN to " + printable(check.address), now);
				this.finished.add(check);
				continue;
			}
			check.connectNanos = now;
			started++;
			if (connect(check)) {
				this.timers.add(check);
			}
		}
	}

	/** Alternates between the two queues, so neither starves the other. */
	private C nextSubmission(Run run, boolean loopFirst) {
		C check = loopFirst ? this.loopSubmissions.poll() : run.submissions.poll();
		if (check == null) {
			check = loopFirst ? run.submissions.poll() : this.loopSubmissions.poll();
		}
		return check;
	}

	/**
	 * Records the verdict of a check in flight and closes its socket at once; the
	 * completion runs later in the turn.
	 */
	protected final void finish(C check, CheckOutcome outcome, String detail, long now) {
		assert ownsSockets();
		assert !check.hasVerdict() : "a check has one verdict";
		this.timers.remove(check);
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

	/**
	 * Fails the checks in flight, drops the other timers and the tasks (there is nothing
	 * to complete for them), closes every socket and the poller, then runs the
	 * completions. Completions that submit, execute or schedule now meet a stopped loop.
	 */
	private void shutDown(Run run) {
		String detail = stoppedDetail(run);
		long now = System.nanoTime();
		LoopTimer timer;
		while ((timer = this.timers.peek()) != null) {
			this.timers.remove(timer);
			if (timer instanceof Check) {
				@SuppressWarnings("unchecked")
				C check = (C) timer;
				finish(check, CheckOutcome.ERROR, detail, now);
			}
		}
		closeExpired(Integer.MAX_VALUE);
		closePollerQuietly();
		run.tasks.clear();
		completeFinished();
		failSubmissions(run);
	}

	private void closePollerQuietly() {
		try {
			closePoller();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Closing the {} poller failed", this.name, ex);
		}
	}

	/** Fails every check queued for a run that is over. Any thread; each check is taken once. */
	private void failSubmissions(Run run) {
		if (run.thread == Thread.currentThread()) {
			run.submissions.addAll(this.loopSubmissions);
			this.loopSubmissions.clear();
		}
		String detail = stoppedDetail(run);
		C check;
		while ((check = run.submissions.poll()) != null) {
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
	 * {@link #finishReady}. Events of a check that {@link Check#hasVerdict() has its
	 * verdict} are ignored: a timed-out check's socket closes a little later.
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

	/**
	 * One run of the loop, from {@link #start()} to the end of its thread. Submissions
	 * and tasks queue per run, so that whoever finds a run over can fail what was queued
	 * for it without touching what is queued for the next one.
	 */
	private final class Run {

		final ConcurrentLinkedQueue<C> submissions = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

		/** Set while the loop may block in the poller, so submitters know to wake it. */
		final AtomicBoolean sleeping = new AtomicBoolean();

		final Thread thread;

		volatile boolean running = true;

		/** Why the loop died, when it did; reported to every check of this run. */
		volatile Throwable failure;

		Run() {
			this.thread = EventLoopEngine.this.threadFactory.newThread(() -> runLoop(this));
			if (this.thread == null) {
				throw new IllegalStateException(
						"The thread factory made no thread for the " + EventLoopEngine.this.name + " loop");
			}
		}

	}

}
