package dev.tcpshaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTests {

	@Test
	void parseReadsUtimeAndStimeInTicksAfterTheCommandName() {
		// A command name may hold spaces and parentheses: fields count from the last ')'.
		String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 1510 0 0 0 250 37 0 0 20 0 19 0 123 "
				+ "4096 100 18446744073709551615 1 1 0 0 0 0 0 4096 17664 0 0 0 17 1 0 0 0 0 0";
		ProcessCpu cpu = ProcessCpu.parse(stat);
		assertThat(cpu.userSeconds()).isEqualTo(2.50);
		assertThat(cpu.systemSeconds()).isEqualTo(0.37);
	}

	@Test
	void sinceSubtractsAnEarlierReading() {
		ProcessCpu delta = new ProcessCpu(3.0, 1.5).since(new ProcessCpu(1.0, 0.5));
		assertThat(delta).isEqualTo(new ProcessCpu(2.0, 1.0));
	}

	@Test
	void nowReadsThisProcessOnLinux() {
		ProcessCpu cpu = ProcessCpu.now();
		// A running JVM has used some CPU already.
		assertThat(cpu.userSeconds() + cpu.systemSeconds()).isPositive();
	}

}
