"""A program in a pseudo-terminal as a user runs it, and what it costs: the bytes it paints and
when, its memory and its writes, every process it starts included (for the benchmarks).

Only the standard library: the scripts that use it run with any Python, and the programs they
measure with the interpreter they are told to use.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import threading
import time
from dataclasses import dataclass, field

SIZE = (120, 40)  # columns, lines


class Terminal:
    """`argv` started in a new pseudo-terminal of `size`; a thread reads everything it paints,
    noting when each chunk arrived."""

    def __init__(
        self,
        argv: list[str],
        env: dict[str, str],
        cwd: str | None = None,
        size: tuple[int, int] = SIZE,
    ) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: a terminal of the asked size, then the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            except BaseException as error:  # nothing of the parent may run here
                os.write(2, f"cannot start {argv[0]}: {error}\n".encode())
            os._exit(127)
        self.pid, self.fd = pid, fd
        self.data = bytearray()
        self._ends: list[int] = []  # the end offset of each chunk read
        self._times: list[float] = []  # and when it arrived
        self._more = threading.Condition()
        self.closed = False
        self.status: int | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                chunk = b""
            at = time.perf_counter()
            with self._more:
                if not chunk:
                    self.closed = True
                    self._more.notify_all()
                    return
                self.data += chunk
                self._ends.append(len(self.data))
                self._times.append(at)
                self._more.notify_all()

    @property
    def offset(self) -> int:
        """Where the output is now: pass it to `wait_for` to look only at what comes next."""
        with self._more:
            return len(self.data)

    def wait_for(self, needle: bytes, since: int = 0, timeout: float = 120.0) -> float:
        """When (perf_counter) the chunk completing `needle` arrived, looking after `since`."""
        deadline = time.perf_counter() + timeout
        start = since
        with self._more:
            while True:
                found = self.data.find(needle, start)
                if found >= 0:
                    end = found + len(needle)
                    for index, chunk_end in enumerate(self._ends):
                        if chunk_end >= end:
                            return self._times[index]
                start = max(since, len(self.data) - len(needle) + 1)
                left = deadline - time.perf_counter()
                if self.closed or left <= 0:
                    tail = bytes(self.data[-300:]).decode(errors="replace")
                    why = "exited" if self.closed else f"took over {timeout:.0f} s"
                    raise RuntimeError(f"{needle!r} never came: the program {why}; last: {tail!r}")
                self._more.wait(min(left, 0.5))

    def chunks_since(self, at: float) -> list[tuple[float, bytes]]:
        """Every chunk that arrived after `at`, with its time."""
        with self._more:
            out, begin = [], 0
            for end, when in zip(self._ends, self._times, strict=True):
                if when >= at:
                    out.append((when, bytes(self.data[begin:end])))
                begin = end
            return out

    def quiet_for(self, seconds: float, timeout: float = 30.0) -> None:
        """Wait until nothing has been painted for `seconds`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self._more:
                last = self._times[-1] if self._times else self.started
            if time.perf_counter() - last >= seconds:
                return
            time.sleep(seconds / 4)

    def send(self, keys: bytes) -> float:
        at = time.perf_counter()
        os.write(self.fd, keys)
        return at

    def wait_exit(self, timeout: float) -> int | None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.02)
        return None

    def kill(self) -> None:
        """SIGKILL the program and every process it started, then let go of the terminal."""
        if self.status is None:
            for pid in reversed(process_tree(self.pid)):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                _, self.status = os.waitpid(self.pid, 0)
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self._reader.join(timeout=2)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


def first_paint(
    argv: list[str], needle: bytes, env: dict[str, str], cwd: str, timeout: float = 120.0
) -> float:
    """Seconds from starting `argv` until `needle`'s bytes reach its terminal."""
    with Terminal(argv, env, cwd) as term:
        return term.wait_for(needle, timeout=timeout) - term.started


def whole_process(argv: list[str], env: dict[str, str], cwd: str, timeout: float = 600.0) -> float:
    """Seconds from starting `argv` in a terminal until it exits, its output drained."""
    with Terminal(argv, env, cwd) as term:
        deadline = term.started + timeout
        while time.perf_counter() < deadline:
            pid, status = os.waitpid(term.pid, os.WNOHANG)
            if pid:
                took = time.perf_counter() - term.started
                term.status = status
                code = os.waitstatus_to_exitcode(status)
                if code != 0:
                    tail = bytes(term.data[-400:]).decode(errors="replace")
                    raise RuntimeError(f"{' '.join(argv)} exited {code}: {tail}")
                return took
            select.select([], [], [], 0.002)
        raise RuntimeError(f"{' '.join(argv)} took over {timeout:.0f} s")


# -- the processes of a program ------------------------------------------------------------------
def _parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    return int(stat[stat.rfind(b")") + 2 :].split()[1])


def process_tree(root: int) -> list[int]:
    """`root` and every process descended from it, parents first. Children get higher ids
    than their parent (short of the ids wrapping around), so only those are read."""
    tree = [root]
    known = {root}
    candidates = sorted(int(e.name) for e in os.scandir("/proc") if e.name.isdigit())
    for pid in candidates:
        if pid <= root:
            continue
        if _parent_of(pid) in known:
            known.add(pid)
            tree.append(pid)
    return tree


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in kB ({} once it is gone)."""
    out = {}
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith((b"VmRSS:", b"VmHWM:")):
                    out[line[:5].decode()] = int(line.split()[1])
    except OSError:
        return {}
    return out


@dataclass
class Memory:
    """The peak of the sum of resident memory over all processes, sampled; and the sum of each
    process's own high-water mark (an upper bound: their peaks may not coincide)."""

    peak_rss_kb: int = 0
    hwm_kb: dict[int, int] = field(default_factory=dict)
    samples: int = 0

    @property
    def hwm_sum_kb(self) -> int:
        return sum(self.hwm_kb.values())

    @property
    def processes(self) -> int:
        return len(self.hwm_kb)


class MemorySampler:
    """Samples the memory of `pid` and its descendants every `interval` seconds, in a thread."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.pid = pid
        self.interval = interval
        self.memory = Memory()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        total = 0
        for pid in process_tree(self.pid):
            status = _status(pid)
            if not status:
                continue
            total += status.get("VmRSS", 0)
            hwm = status.get("VmHWM", 0)
            if hwm > self.memory.hwm_kb.get(pid, 0):
                self.memory.hwm_kb[pid] = hwm
        self.memory.samples += 1
        self.memory.peak_rss_kb = max(self.memory.peak_rss_kb, total)

    def stop(self) -> Memory:
        self._stop.set()
        self._thread.join()
        return self.memory


def written(pid: int) -> tuple[int, int]:
    """Bytes the process and its descendants have written: (wchar, write_bytes) of /proc/PID/io.
    wchar counts every write call; write_bytes what went to the disk (the page cache's share is
    counted when it is written back, possibly later)."""
    wchar = disk = 0
    for each in process_tree(pid):
        try:
            with open(f"/proc/{each}/io", "rb") as handle:
                fields = dict(line.split(b":") for line in handle.read().splitlines())
        except OSError:
            continue
        wchar += int(fields.get(b"wchar", 0))
        disk += int(fields.get(b"write_bytes", 0))
    return wchar, disk
