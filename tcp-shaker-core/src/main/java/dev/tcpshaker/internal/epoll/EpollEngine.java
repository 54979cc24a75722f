package dev.tcpshaker.internal.epoll;

import static dev.tcpshaker.internal.epoll.LinuxConstants.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.internal.Check;
import dev.tcpshaker.internal.Errno;
import dev.tcpshaker.internal.EventLoopEngine;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Checks on a Linux epoll instance through jnr-ffi: per check a non-blocking socket,
 * {@code connect()} to {@code EINPROGRESS}, then {@code SO_ERROR} on the first event.
 * <p>
 * The loop thread owns every file descriptor from {@code socket()} to {@code close()}
 * and closes each exactly once; the native buffers below are loop-only too (jnr
 * buffers are not thread-safe). The one exception is the wake-up, a {@code write()}
 * of a heap array to the eventfd, which any thread may make.
 */
public final class EpollEngine extends EventLoopEngine<EpollEngine.EpollCheck> {

	/** {@code epoll_data} of the eventfd; checks use (sequence << 32 | slot), never all ones. */
	private static final long WAKEUP_DATA = -1L;

	private static final int MAX_EVENTS = 1024;

	private static final byte[] ONE = { 1, 0, 0, 0, 0, 0, 0, 0 }; // uint64 1, little endian

	private final LibC libc;

	private final Runtime runtime;

	/** What {@code epoll_wait} fills. */
	private final EpollEventArray events;

	/** The one event {@code epoll_ctl} reads. */
	private final EpollEventArray registration;

	private final Pointer socketAddress;

	private final Pointer intValue;

	private final Pointer intLength;

	private final Pointer linger;

	private int epfd = -1;

	/** Guarded by {@link #wakeupLock}: a wake-up must never write to a closed, possibly reused, fd. */
	private int eventFd = -1;

	private final Object wakeupLock = new Object();

	/** The address now in {@link #socketAddress}, so repeated checks of one target skip rewriting it. */
	private InetSocketAddress writtenAddress;

	private int socketAddressLength;

	/** Registered checks by slot, so an event finds its check without a map. */
	private EpollCheck[] slots = new EpollCheck[1024];

	private int[] freeSlots = new int[1024];

	private int freeSlotCount;

	private int usedSlots;

	private int nextSequence;

	/** Start of the last poll that returned every ready socket. */
	private long lastCompletePollNanos;

	public EpollEngine(ThreadFactory threadFactory, CheckMethod method) {
		super("epoll", method, threadFactory, EpollCheck::new);
		this.libc = Epoll.libc();
		this.runtime = Runtime.getRuntime(this.libc);
		this.events = new EpollEventArray(this.runtime, MAX_EVENTS);
		this.registration = new EpollEventArray(this.runtime, 1);
		this.socketAddress = Memory.allocateDirect(this.runtime, SocketAddresses.MAX_SIZE);
		this.intValue = Memory.allocateDirect(this.runtime, 4);
		this.intLength = Memory.allocateDirect(this.runtime, 4);
		this.linger = Memory.allocateDirect(this.runtime, 8);
		// struct linger { l_onoff = 1, l_linger = 0 }: close() aborts with a RST instead
		// of a FIN handshake, and never blocks.
		this.linger.putInt(0, 1);
		this.linger.putInt(4, 0);
		// Load the error path now: when the process is out of file descriptors, loading a
		// class can fail too, and a check must still fail cleanly.
		Errors.describe(Errno.EMFILE.number());
	}

	@Override
	protected void openPoller() throws IOException {
		this.epfd = this.libc.epoll_create1(EPOLL_CLOEXEC);
		if (this.epfd < 0) {
			throw new IOException(Errors.describe("epoll_create1", lastError()));
		}
		synchronized (this.wakeupLock) {
			this.eventFd = this.libc.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		}
		if (this.eventFd < 0) {
			int errno = lastError();
			closePoller();
			throw new IOException(Errors.describe("eventfd", errno));
		}
		// Edge-triggered: every write() to an eventfd is a new edge, so a wake-up is
		// delivered without the loop ever read()ing the counter back to zero (it cannot
		// overflow: at most one write per sleep).
		if (register(this.eventFd, EPOLLIN | EPOLLET, WAKEUP_DATA) < 0) {
			int errno = lastError();
			closePoller();
			throw new IOException(Errors.describe("epoll_ctl", errno));
		}
		this.lastCompletePollNanos = System.nanoTime();
	}

	@Override
	protected void closePoller() {
		synchronized (this.wakeupLock) {
			if (this.eventFd >= 0) {
				this.libc.close(this.eventFd);
				this.eventFd = -1;
			}
		}
		if (this.epfd >= 0) {
			this.libc.close(this.epfd);
			this.epfd = -1;
		}
	}

	@Override
	protected void wakeup() {
		// Rare (only when the loop sleeps), so a lock costs nothing that matters.
		synchronized (this.wakeupLock) {
			if (this.eventFd >= 0) {
				this.libc.write(this.eventFd, ONE, ONE.length);
			}
		}
	}

	@Override
	protected boolean connect(EpollCheck check) {
		assert ownsSockets();
		int fd = this.libc.socket(SocketAddresses.family(check.address()), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (fd < 0) {
			// EMFILE or ENFILE fail this check only; the loop goes on.
			int errno = lastError();
			finishUnregistered(check, CheckOutcome.ERROR, Errors.describe("socket", errno));
			return false;
		}
		if (this.halfOpen && !setHalfOpenOptions(check, fd)) {
			return false;
		}
		if (check.address() != this.writtenAddress) {
			this.socketAddressLength = SocketAddresses.write(this.socketAddress, check.address());
			this.writtenAddress = check.address();
		}
		if (this.libc.connect(fd, this.socketAddress, this.socketAddressLength) == 0) {
			this.libc.close(fd);
			finishUnregistered(check, CheckOutcome.UP, "connected at once");
			return false;
		}
		int errno = lastError();
		if (errno != Errno.EINPROGRESS.number()) {
			this.libc.close(fd);
			finishUnregistered(check, Errors.outcomeOf(errno), Errors.describe(errno));
			return false;
		}
		int slot = takeSlot(check);
		check.fd = fd;
		check.sequence = ++this.nextSequence;
		// The sequence number rides in epoll_data with the slot: a slot or fd reused by a
		// later check can never be mistaken for this one (the Go original keys results by
		// fd and can report a stale UP).
		long data = ((long) check.sequence << 32) | slot;
		if (register(fd, EPOLLOUT | EPOLLIN | EPOLLET, data) < 0) {
			errno = lastError();
			releaseSlot(check);
			this.libc.close(fd);
			check.fd = -1;
			finishUnregistered(check, CheckOutcome.ERROR, Errors.describe("epoll_ctl", errno));
			return false;
		}
		return true;
	}

	/**
	 * {@code TCP_QUICKACK=0} before {@code connect()} makes the kernel hold back the
	 * handshake's final ACK (up to 200 ms), so our RST goes out first and the server
	 * never accepts. {@code SO_LINGER{1,0}} makes {@code close()} send that RST.
	 */
	private boolean setHalfOpenOptions(EpollCheck check, int fd) {
		assert ownsSockets();
		this.intValue.putInt(0, 0);
		if (this.libc.setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, this.intValue, 4) < 0) {
			return failOption(check, fd, "setsockopt(TCP_QUICKACK)");
		}
		if (this.libc.setsockopt(fd, SOL_SOCKET, SO_LINGER, this.linger, 8) < 0) {
			return failOption(check, fd, "setsockopt(SO_LINGER)");
		}
		return true;
	}

	private boolean failOption(EpollCheck check, int fd, String call) {
		int errno = lastError();
		this.libc.close(fd);
		finishUnregistered(check, CheckOutcome.ERROR, Errors.describe(call, errno));
		return false;
	}

	@Override
	protected void drainReady(long timeoutMillis) throws IOException {
		assert ownsSockets();
		int timeout = (int) Math.min(timeoutMillis, Integer.MAX_VALUE);
		int count;
		do {
			long pollNanos = System.nanoTime();
			long readySince = this.lastCompletePollNanos;
			count = this.libc.epoll_wait(this.epfd, this.events.memory(), this.events.length(), timeout);
			if (count < 0) {
				int errno = lastError();
				if (errno == Errno.EINTR.number()) {
					return;
				}
				throw new IOException(Errors.describe("epoll_wait", errno));
			}
			for (int i = 0; i < count; i++) {
				onEvent(this.events.events(i), this.events.data(i), readySince);
			}
			if (count < this.events.length()) {
				this.lastCompletePollNanos = pollNanos;
			}
			timeout = 0;
		}
		while (count == this.events.length());
	}

	/**
	 * Handles one event: the connect's verdict for the check registered under
	 * {@code data}, unless that registration is gone.
	 */
	void onEvent(int flags, long data, long readySince) {
		assert ownsSockets();
		if (data == WAKEUP_DATA) {
			return;
		}
		int slot = (int) data;
		int sequence = (int) (data >>> 32);
		EpollCheck check = (slot >= 0 && slot < this.slots.length) ? this.slots[slot] : null;
		if (check == null || check.sequence != sequence) {
			return; // stale: that registration is gone
		}
		if (check.hasVerdict()) {
			return; // timed out: its socket closes soon
		}
		int errno = socketError(check.fd);
		if (errno == 0) {
			if ((flags & (EPOLLOUT | EPOLLERR | EPOLLHUP)) == 0) {
				return; // not a connect verdict yet
			}
			finishReady(check, CheckOutcome.UP, "SYN-ACK received", readySince);
			return;
		}
		finishReady(check, Errors.outcomeOf(errno), Errors.describe(errno), readySince);
	}

	/** Reads and clears {@code SO_ERROR}: the connect's result. */
	private int socketError(int fd) {
		this.intValue.putInt(0, 0);
		this.intLength.putInt(0, 4);
		if (this.libc.getsockopt(fd, SOL_SOCKET, SO_ERROR, this.intValue, this.intLength) < 0) {
			return lastError();
		}
		return this.intValue.getInt(0);
	}

	@Override
	protected void close(EpollCheck check) {
		assert ownsSockets();
		releaseSlot(check);
		// Closing also removes the fd from the epoll set; with SO_LINGER{1,0} it sends the RST.
		this.libc.close(check.fd);
		check.fd = -1;
	}

	private int register(int fd, int flags, long data) {
		this.registration.put(0, flags, data);
		return this.libc.epoll_ctl(this.epfd, EPOLL_CTL_ADD, fd, this.registration.memory());
	}

	private int takeSlot(EpollCheck check) {
		int slot;
		if (this.freeSlotCount > 0) {
			slot = this.freeSlots[--this.freeSlotCount];
		}
		else {
			if (this.usedSlots == this.slots.length) {
				this.slots = Arrays.copyOf(this.slots, this.slots.length * 2);
				this.freeSlots = Arrays.copyOf(this.freeSlots, this.slots.length);
			}
			slot = this.usedSlots++;
		}
		this.slots[slot] = check;
		check.slot = slot;
		return slot;
	}

	private void releaseSlot(EpollCheck check) {
		if (check.slot >= 0) {
			this.slots[check.slot] = null;
			this.freeSlots[this.freeSlotCount++] = check.slot;
			check.slot = -1;
		}
	}

	private int lastError() {
		return this.runtime.getLastError();
	}

	/**
	 * A check with its socket's fd and registration.
	 */
	static final class EpollCheck extends Check {

		int fd = -1;

		int slot = -1;

		int sequence;

		EpollCheck(InetSocketAddress address, long deadlineNanos, Check.Completion completion) {
			super(address, deadlineNanos, completion);
		}

	}

}
