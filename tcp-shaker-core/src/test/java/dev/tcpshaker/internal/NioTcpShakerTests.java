package dev.tcpshaker.internal;

import dev.tcpshaker.Engine;

class NioTcpShakerTests extends TcpShakerContractTests {

	@Override
	protected Engine kind() {
		return Engine.NIO;
	}

}
