package dev.tcpshaker.internal;

class NioTcpShakerTests extends TcpShakerContractTests {

	@Override
	protected Engines.Kind kind() {
		return Engines.Kind.NIO;
	}

}
