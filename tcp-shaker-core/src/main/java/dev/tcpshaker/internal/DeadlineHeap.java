package dev.tcpshaker.internal;

import java.util.Arrays;

/**
 * A binary min-heap of checks ordered by deadline, where each check knows its index, so
 * that removing a finished check costs O(log n) instead of a scan. Loop thread only.
 */
final class DeadlineHeap {

	private Check[] heap = new Check[256];

	private int size;

	Check peek() {
		return (this.size > 0) ? this.heap[0] : null;
	}

	void add(Check check) {
		if (this.size == this.heap.length) {
			this.heap = Arrays.copyOf(this.heap, this.size * 2);
		}
		check.heapIndex = this.size;
		this.heap[this.size++] = check;
		siftUp(check.heapIndex);
	}

	void remove(Check check) {
		int index = check.heapIndex;
		if (index < 0) {
			return;
		}
		check.heapIndex = -1;
		Check last = this.heap[--this.size];
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
		Check check = this.heap[index];
		while (index > 0) {
			int parent = (index - 1) >>> 1;
			Check above = this.heap[parent];
			if (above.deadlineNanos - check.deadlineNanos <= 0) {
				break;
			}
			place(above, index);
			index = parent;
		}
		place(check, index);
	}

	private void siftDown(int index) {
		Check check = this.heap[index];
		int half = this.size >>> 1;
		while (index < half) {
			int child = 2 * index + 1;
			int right = child + 1;
			if (right < this.size && this.heap[right].deadlineNanos - this.heap[child].deadlineNanos < 0) {
				child = right;
			}
			if (check.deadlineNanos - this.heap[child].deadlineNanos <= 0) {
				break;
			}
			place(this.heap[child], index);
			index = child;
		}
		place(check, index);
	}

	private void place(Check check, int index) {
		this.heap[index] = check;
		check.heapIndex = index;
	}

}
