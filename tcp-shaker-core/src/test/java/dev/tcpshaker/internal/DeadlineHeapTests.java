package dev.tcpshaker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DeadlineHeapTests {

	private final DeadlineHeap heap = new DeadlineHeap();

	@Test
	void peekReturnsEarliestDeadlineAfterRandomAddsAndRemoves() {
		Random random = new Random(42);
		List<LoopTimer> live = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			LoopTimer timer = timer(random.nextInt(1_000_000));
			this.heap.add(timer);
			live.add(timer);
			if (random.nextInt(3) == 0) {
				LoopTimer removed = live.remove(random.nextInt(live.size()));
				this.heap.remove(removed);
				assertThat(removed.heapIndex).isEqualTo(-1);
			}
		}
		live.sort((a, b) -> Long.compare(a.deadlineNanos, b.deadlineNanos));
		for (LoopTimer expected : live) {
			LoopTimer next = this.heap.peek();
			assertThat(next.deadlineNanos).isEqualTo(expected.deadlineNanos);
			this.heap.remove(next);
		}
		assertThat(this.heap.peek()).isNull();
	}

	@Test
	void removeOfATimerNotInTheHeapChangesNothing() {
		LoopTimer inHeap = timer(5);
		this.heap.add(inHeap);
		this.heap.remove(timer(1));
		assertThat(this.heap.peek()).isSameAs(inHeap);
	}

	@Test
	void ordersDeadlinesAcrossNanoTimeWrapAround() {
		LoopTimer late = timer(Long.MIN_VALUE + 10);
		LoopTimer early = timer(Long.MAX_VALUE - 10);
		this.heap.add(late);
		this.heap.add(early);
		assertThat(this.heap.peek()).isSameAs(early);
	}

	private static LoopTimer timer(long deadline) {
		LoopTimer timer = new LoopTimer() {

			@Override
			protected void expire(long nowNanos) {
			}

		};
		timer.deadlineNanos = deadline;
		return timer;
	}

}
