/** The memory-sweep widget's strings in Simplified Chinese, key for key with strings.en.ts. */
import type { MemorySweepKey } from './strings.en.ts';

export const memorySweepZh: Record<MemorySweepKey, string> = {
	'memorySweep.title.wset': '模型周期随工作集的变化',
	'memorySweep.title.ptrate': '模型周期随页表更新频率的变化',
	'memorySweep.parameter.WSET': '工作集（页）',
	'memorySweep.parameter.RATE': '每块的页表更新次数',
	'memorySweep.parameter.other': '{name}',
	'memorySweep.variant.trap': '影子页表（trap）',
	'memorySweep.variant.hw': '两阶段地址转换（hw）',
	'memorySweep.variant.hw+megapages': '两阶段地址转换 + 大页',
	'memorySweep.variant.hw+walk-cache': '两阶段地址转换 + 页表遍历缓存',
	'memorySweep.cheaper.trap': '从 {parameter} = {value} 起影子页表更便宜',
	'memorySweep.cheaper.hw': '从 {parameter} = {value} 起两阶段地址转换更便宜',
	'memorySweep.cheaper.hw+megapages': '从 {parameter} = {value} 起两阶段地址转换 + 大页更便宜',
	'memorySweep.cheaper.hw+walk-cache':
		'从 {parameter} = {value} 起两阶段地址转换 + 页表遍历缓存更便宜',
	'memorySweep.crossovers': '交叉点（运行的点中另一方开始更便宜的第一个点）',
	'memorySweep.noCrossover': '在此范围内影子页表与两阶段地址转换之间没有交叉点。',
	'memorySweep.measure': '显示',
	'memorySweep.measure.cycles': '模型周期',
	'memorySweep.measure.perInstruction': '每条客户机指令的模型周期',
	'memorySweep.yLabel.cycles': '模型周期',
	'memorySweep.yLabel.perInstruction': '每条客户机指令的模型周期',
	'memorySweep.logScale': '对数刻度',
	'memorySweep.rerun': '重新运行',
	'memorySweep.cancel': '停止',
	'memorySweep.progress': '已运行 {done} / {total} 个点',
	'memorySweep.running': '正在运行客户机：{done} / {total} 个点…',
	'memorySweep.stopped': '已在 {done} / {total} 个点后停止。',
	'memorySweep.failed': '扫描失败：{message}',
	'memorySweep.alt':
		'{measure}随{parameter}从 {from} 到 {to} 的变化，每种地址转换方式一条线{crossovers}',
	'memorySweep.readoutLabel': '逐点读取扫描结果',
	'memorySweep.readoutHint': ' 方向键在各点之间移动。',
	'memorySweep.readoutEmpty': '尚未运行任何点。',
	'memorySweep.readout': '{parameter} = {value}：{values}',
	'memorySweep.tableCaption': '扫描的各次运行，每个点和每种地址转换方式一行',
	'memorySweep.column.variant': '方式',
	'memorySweep.column.instructions': '客户机指令',
	'memorySweep.column.exits': '退出',
	'memorySweep.column.walks': '页表遍历访存',
	'memorySweep.column.cycles': '模型周期',
	'memorySweep.source':
		'模型周期来自成本模型（core2），不是本机的测量：与 virtlab vm --workload {workload} --sweep {parameter}={range} --csv 的数据相同。'
};
