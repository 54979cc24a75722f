package dev.tcpshaker.internal.epoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class EpollEventLayoutTests {

	@Test
	void x86_64IsPackedTo12BytesWithDataAtOffset4() {
		assertThat(EpollEventLayout.forArch("amd64")).isEqualTo(new EpollEventLayout(12, 4));
	}

	@Test
	void aarch64IsAlignedTo16BytesWithDataAtOffset8() {
		assertThat(EpollEventLayout.forArch("aarch64")).isEqualTo(new EpollEventLayout(16, 8));
	}

	@Test
	void unknownArchitectureIsUnavailableNamingIt() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> EpollEventLayout.forArch("riscv64"))
			.withMessageContaining("riscv64");
	}

}
