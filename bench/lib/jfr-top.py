#!/usr/bin/env python3
"""Where a JVM spent its CPU: reads `jfr print --events jdk.ExecutionSample FILE` output on stdin and prints the
share of samples per top frame, per thread name and per first dev.commerce frame on the stack (the code of ours
that led there). Usage: jfr print --events jdk.ExecutionSample x.jfr | bench/lib/jfr-top.py [rows]"""
import collections
import re
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 15
top, threads, ours, packages = (collections.Counter() for _ in range(4))
samples = 0
stack, thread, in_stack = [], None, False
for line in sys.stdin:
    line = line.strip()
    if line.startswith('jdk.ExecutionSample'):
        stack, thread, in_stack = [], None, False
    elif line.startswith('sampledThread'):
        thread = re.sub(r'\d+', 'N', line.split('"')[1]) if '"' in line else line
    elif line.startswith('stackTrace = ['):
        in_stack = True
    elif in_stack and line.startswith(']'):
        in_stack = False
        if stack:
            samples += 1
            top[stack[0]] += 1
            threads[thread] += 1
            mine = next((frame for frame in stack if frame.startswith('dev.commerce')), '(none of ours)')
            ours[mine] += 1
            packages['.'.join(stack[0].split('(')[0].split('.')[:3])] += 1
    elif in_stack and line and not line.startswith('...'):
        stack.append(re.sub(r'\s+line:.*', '', line))

def show(title, counter):
    print(f'{title} ({samples} samples)')
    for name, count in counter.most_common(rows):
        print(f'  {100 * count / max(samples, 1):5.1f}%  {name}')

show('threads', threads)
show('top frames', top)
show('top packages', packages)
show('first frame of ours', ours)
