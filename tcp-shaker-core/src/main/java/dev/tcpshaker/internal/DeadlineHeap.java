package dev.tcpshaker.internal;

import java.util.Arrays;

/**
 * A binary min-heap of timers ordered by deadline, where each timer knows its index, so
 * that removing a finished check or a cancelled timer costs O(log n) instead of a scan.
 * Loop thread only.
 */
final class DeadlineHeap {

	private LoopTimer[] heap = new LoopTimer[256];

	private int size;

	LoopTimer peek() {
		return (this.size > 0) ? this.heap[0] : null;
	}

	void add(LoopTimer timer) {
		if (this.size == this.heap.length) {
			this.heap = Arrays.copyOf(this.heap, this.size * 2);
		}
		timer.heapIndex = this.size;
		this.heap[this.size++] = timer;
		siftUp(timer.heapIndex);
	}

	void remove(LoopTimer timer) {
		int index = timer.heapIndex;
		if (index < 0) {
			return;
		}
		timer.heapIndex = -1;
		LoopTimer last = this.heap[--this.size];
		this.heap[this.size] = null;
		if (index == this.size) {
			return;
		}
		this.heap[index] = last;
		last.heapIndex = index;
		siftDown(index);
		siftUp(last.heapIndex);
	}

	private void siftUp(int index) {
		LoopTimer timer = this.heap[index];
		while (index > 0) {
			int parent = (index - 1) >>> 1;
			LoopTimer above = this.heap[parent];
			if (above.deadlineNanos - timer.deadlineNanos <= 0) {
				break;
			}
			place(above, index);
			index = parent;
		}
		place(timer, index);
	}

	private void siftDown(int index) {
		LoopTimer timer = this.heap[index];
		int half = this.size >>> 1;
		while (index < half) {
			int child = 2 * index + 1;
			int right = child + 1;
			if (right < this.size && this.heap[right].deadlineNanos - this.heap[child].deadlineNanos < 0) {
				child = right;
			}
			if (timer.deadlineNanos - this.heap[child].deadlineNanos <= 0) {
				break;
			}
			place(this.heap[child], index);
			index = child;
		}
		place(timer, index);
	}

	private void place(LoopTimer timer, int index) {
		this.heap[index] = timer;
		timer.heapIndex = index;
	}

}
