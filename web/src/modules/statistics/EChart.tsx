import { Box, Button, Group } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import * as echarts from "echarts";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

function save(url: string, fileName: string) {
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

/**
 * An ECharts chart in a React component: drawn on canvas, resized with its container, and
 * downloadable as PNG (the canvas) or SVG (the same option drawn again by the SVG renderer).
 */
export function EChart({
  option,
  fileName,
  height = 280,
  testId,
  onCategoryClick,
}: {
  option: echarts.EChartsOption;
  fileName: string;
  height?: number;
  testId: string;
  onCategoryClick?: (category: string) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onCategoryClick);
  clickRef.current = onCategoryClick;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (event) => {
      if (typeof event.name === "string") clickRef.current?.(event.name);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  const downloadPng = () => {
    const instance = chart.current;
    if (!instance) return;
    save(instance.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" }), `${fileName}.png`);
  };

  const downloadSvg = () => {
    const element = container.current;
    if (!element) return;
    const offscreen = document.createElement("div");
    offscreen.style.position = "absolute";
    offscreen.style.left = "-10000px";
    document.body.appendChild(offscreen);
    const instance = echarts.init(offscreen, undefined, {
      renderer: "svg",
      width: element.clientWidth || 800,
      height: element.clientHeight || height,
    });
    instance.setOption({ ...option, animation: false });
    const url = instance.getDataURL({ type: "svg" });
    instance.dispose();
    offscreen.remove();
    save(url, `${fileName}.svg`);
  };

  return (
    <Box>
      <Box ref={container} h={height} w="100%" data-testid={testId} />
      <Group gap="xs" mt="xs">
        <Button
          size="compact-xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={downloadPng}
          data-testid={`${testId}-png`}
        >
          {t("stats.png")}
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={downloadSvg}
          data-testid={`${testId}-svg`}
        >
          {t("stats.svg")}
        </Button>
      </Group>
    </Box>
  );
}
