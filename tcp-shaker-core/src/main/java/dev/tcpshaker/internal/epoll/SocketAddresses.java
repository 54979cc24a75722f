package dev.tcpshaker.internal.epoll;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import jnr.ffi.Pointer;

/**
 * Writes {@code struct sockaddr_in} and {@code struct sockaddr_in6}.
 */
final class SocketAddresses {

	/** Room for the larger of the two structs. */
	static final int MAX_SIZE = 28;

	private SocketAddresses() {
	}

	static int family(InetSocketAddress address) {
		return (address.getAddress() instanceof Inet6Address) ? LinuxConstants.AF_INET6 : LinuxConstants.AF_INET;
	}

	/**
	 * Writes the address at the start of {@code memory}.
	 * @return the struct's length
	 */
	static int write(Pointer memory, InetSocketAddress address) {
		InetAddress ip = address.getAddress();
		int port = address.getPort();
		// sa_family is in host byte order, sin_port in network byte order.
		if (ip instanceof Inet4Address) {
			memory.putShort(0, (short) LinuxConstants.AF_INET);
			putPort(memory, port);
			memory.put(4, ip.getAddress(), 0, 4);
			memory.putLong(8, 0);
			return 16;
		}
		Inet6Address ip6 = (Inet6Address) ip;
		memory.putShort(0, (short) LinuxConstants.AF_INET6);
		putPort(memory, port);
		memory.putInt(4, 0);
		memory.put(8, ip6.getAddress(), 0, 16);
		memory.putInt(24, ip6.getScopeId());
		return 28;
	}

	private static void putPort(Pointer memory, int port) {
		memory.putByte(2, (byte) (port >>> 8));
		memory.putByte(3, (byte) port);
	}

}
