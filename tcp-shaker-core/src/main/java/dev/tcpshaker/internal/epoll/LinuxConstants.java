package dev.tcpshaker.internal.epoll;

/**
 * Linux constants that jnr-constants lacks or that the engine needs by value. The
 * values are those of the generic Linux ABI (x86_64, aarch64), which is why
 * {@link Epoll} only loads on those architectures. Errno values live in
 * {@link dev.tcpshaker.internal.Errno}, with their names and texts.
 */
final class LinuxConstants {

	// <bits/socket.h>, <bits/socket_type.h>
	static final int AF_INET = 2;

	static final int AF_INET6 = 10;

	static final int SOCK_STREAM = 1;

	static final int SOCK_NONBLOCK = 0x800;

	static final int SOCK_CLOEXEC = 0x80000;

	// <asm-generic/socket.h>
	static final int SOL_SOCKET = 1;

	static final int SO_ERROR = 4;

	static final int SO_LINGER = 13;

	// <netinet/in.h>, <netinet/tcp.h>
	static final int IPPROTO_TCP = 6;

	static final int TCP_QUICKACK = 12;

	// <sys/epoll.h>
	static final int EPOLL_CLOEXEC = 0x80000;

	static final int EPOLL_CTL_ADD = 1;

	static final int EPOLLIN = 0x001;

	static final int EPOLLOUT = 0x004;

	static final int EPOLLERR = 0x008;

	static final int EPOLLHUP = 0x010;

	static final int EPOLLET = 1 << 31;

	// <sys/eventfd.h>
	static final int EFD_CLOEXEC = 0x80000;

	static final int EFD_NONBLOCK = 0x800;

	private LinuxConstants() {
	}

}
