package dev.tcpshaker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time this process used so far, all threads together (loop, JIT, GC), from
 * {@code /proc/self/stat}: the same source a C tool's {@code getrusage} reads.
 * <p>
 * Pitfall: the kernel counts in clock ticks of {@code USER_HZ}, 100 on every Linux
 * build that matters, so a reading is only as fine as 10 ms.
 *
 * @param userSeconds CPU time in user mode
 * @param systemSeconds CPU time in the kernel
 */
record ProcessCpu(double userSeconds, double systemSeconds) {

	/** {@code USER_HZ}: the unit of {@code utime} and {@code stime}. */
	static final double TICKS_PER_SECOND = 100;

	/** A reading where {@code /proc} is missing: every difference with it is NaN. */
	static final ProcessCpu UNKNOWN = new ProcessCpu(Double.NaN, Double.NaN);

	/**
	 * Reads this process's CPU time.
	 * @return the reading, or {@link #UNKNOWN} off Linux
	 */
	static ProcessCpu now() {
		try {
			return parse(Files.readString(Path.of("/proc/self/stat")));
		}
		catch (IOException | RuntimeException ex) {
			return UNKNOWN;
		}
	}

	/**
	 * Parses a {@code /proc/<pid>/stat} line. The command name in parentheses may hold
	 * spaces and parentheses itself, so fields count from the last {@code ')'}:
	 * {@code utime} and {@code stime} are fields 14 and 15 of the line.
	 * @param stat the line
	 * @return the reading
	 */
	static ProcessCpu parse(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		// fields[0] is field 3 (state), so field 14 is fields[11].
		return new ProcessCpu(Long.parseLong(fields[11]) / TICKS_PER_SECOND,
				Long.parseLong(fields[12]) / TICKS_PER_SECOND);
	}

	/**
	 * The CPU time used since an earlier reading.
	 * @param earlier the earlier reading
	 * @return the difference
	 */
	ProcessCpu since(ProcessCpu earlier) {
		return new ProcessCpu(this.userSeconds - earlier.userSeconds, this.systemSeconds - earlier.systemSeconds);
	}

}
