package dev.tcpshaker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DeadlineHeapTests {

	private final DeadlineHeap heap = new DeadlineHeap();

	@Test
	void peekReturnsEarliestDeadlineAfterRandomAddsAndRemoves() {
		Random random = new Random(42);
		List<Check> live = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			Check check = check(random.nextInt(1_000_000));
			this.heap.add(check);
			live.add(check);
			if (random.nextInt(3) == 0) {
				Check removed = live.remove(random.nextInt(live.size()));
				this.heap.remove(removed);
				assertThat(removed.heapIndex).isEqualTo(-1);
			}
		}
		live.sort((a, b) -> Long.compare(a.deadlineNanos, b.deadlineNanos));
		for (Check expected : live) {
			Check next = this.heap.peek();
			assertThat(next.deadlineNanos).isEqualTo(expected.deadlineNanos);
			this.heap.remove(next);
		}
		assertThat(this.heap.peek()).isNull();
	}

	@Test
	void removeOfACheckNotInTheHeapChangesNothing() {
		Check inHeap = check(5);
		this.heap.add(inHeap);
		this.heap.remove(check(1));
		assertThat(this.heap.peek()).isSameAs(inHeap);
	}

	@Test
	void ordersDeadlinesAcrossNanoTimeWrapAround() {
		Check late = check(Long.MIN_VALUE + 10);
		Check early = check(Long.MAX_VALUE - 10);
		this.heap.add(late);
		this.heap.add(early);
		assertThat(this.heap.peek()).isSameAs(early);
	}

	private static Check check(long deadline) {
		return new Check(InetSocketAddress.createUnresolved("x", 1), deadline, (o, d, e) -> {
		});
	}

}
