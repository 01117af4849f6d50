package com.example.helloecs.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Fargate's allowed task CPU / memory combinations (Amazon ECS Developer Guide, "Task CPU and memory"). */
public final class FargateSizes {
    /** CPU units to the memory values (MiB) allowed with them, in ascending CPU order. */
    public static final Map<Integer, List<Integer>> MEMORY_BY_CPU = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            256, List.of(512, 1024, 2048),
            512, steps(1024, 4096, 1024),
            1024, steps(2048, 8192, 1024),
            2048, steps(4096, 16384, 1024),
            4096, steps(8192, 30720, 1024),
            8192, steps(16384, 61440, 4096),
            16384, steps(32768, 122880, 8192))));

    private FargateSizes() {
    }

    private static List<Integer> steps(int from, int to, int step) {
        return IntStream.iterate(from, v -> v <= to, v -> v + step).boxed().toList();
    }

    /** Whether Fargate accepts this combination. */
    public static boolean valid(Integer cpu, Integer memory) {
        return cpu != null && memory != null && MEMORY_BY_CPU.getOrDefault(cpu, List.of()).contains(memory);
    }

    /** CPU units as vCPUs, the way ECS and {@code docker run --cpus} write them: 256 is {@code 0.25}, 4096 is {@code 4}. */
    public static String vcpus(int units) {
        return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(1024), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** What memory is allowed for a CPU value, for error messages. */
    public static String allowedMemory(int cpu) {
        List<Integer> allowed = MEMORY_BY_CPU.get(cpu);
        if (allowed == null) {
            return "a valid CPU value first";
        }
        return allowed.size() <= 4 ? allowed.toString()
                : allowed.get(0) + " to " + allowed.get(allowed.size() - 1) + " in steps of "
                + (allowed.get(1) - allowed.get(0));
    }
}
