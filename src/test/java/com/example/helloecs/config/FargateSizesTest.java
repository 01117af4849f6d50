package com.example.helloecs.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FargateSizesTest {
    @Test
    void cpuUnitsAsVcpusTheWayEcsAndDockerWriteThem() {
        assertThat(FargateSizes.vcpus(256)).isEqualTo("0.25");
        assertThat(FargateSizes.vcpus(512)).isEqualTo("0.5");
        assertThat(FargateSizes.vcpus(1024)).isEqualTo("1");
        assertThat(FargateSizes.vcpus(4096)).isEqualTo("4");
        assertThat(FargateSizes.vcpus(16384)).isEqualTo("16");
    }

    @Test
    void onlyTheDocumentedCombinationsAreValid() {
        assertThat(FargateSizes.valid(256, 512)).isTrue();
        assertThat(FargateSizes.valid(256, 4096)).isFalse();
        assertThat(FargateSizes.valid(8192, 20480)).isTrue();
        assertThat(FargateSizes.valid(8192, 18432)).isFalse();
        assertThat(FargateSizes.valid(null, 512)).isFalse();
        assertThat(FargateSizes.allowedMemory(256)).isEqualTo("[512, 1024, 2048]");
        assertThat(FargateSizes.allowedMemory(2048)).isEqualTo("4096 to 16384 in steps of 1024");
        assertThat(FargateSizes.allowedMemory(300)).isEqualTo("a valid CPU value first");
    }
}
