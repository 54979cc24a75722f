package dev.tcpshaker.internal.epoll;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls the epoll engine makes. Constants come from {@link LinuxConstants}.
 */
public interface LibC {

	int socket(int domain, int type, int protocol);

	int setsockopt(int fd, int level, int option, Pointer value, int length);

	int getsockopt(int fd, int level, int option, Pointer value, Pointer length);

	int connect(int fd, Pointer address, int length);

	@IgnoreError
	int close(int fd);

	int epoll_create1(int flags);

	int epoll_ctl(int epfd, int op, int fd, Pointer event);

	int epoll_wait(int epfd, Pointer events, int maxEvents, int timeoutMillis);

	int eventfd(int initialValue, int flags);

	@IgnoreError
	@ssize_t
	long write(int fd, @In byte[] buffer, @size_t long count);

}
