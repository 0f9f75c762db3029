/**
 * Every string the course's pages show, in English. Lesson text lives in content/, not here.
 * `{name}` marks a value filled in by `t(lang, key, { name })`.
 */
export const en = {
	'site.name': 'VirtLab',
	'site.tagline': 'An interactive course on virtualization',
	'nav.skip': 'Skip to the content',
	'nav.outline': 'Course outline',
	'nav.language': 'Language',
	'lang.switch': 'Read this page in English',
	'lang.native': 'English',
	'outline.title': 'Lessons',
	'outline.intro':
		'Each lesson is a 20–40 minute unit of reading and doing: live formulas, sliders and plots you can change. Work through them in order, or pick what your course needs.',
	'outline.progress': '{done} of {total, plural, one {# lesson} other {# lessons}} done',
	'outline.englishOnly': 'in English',
	'duration.minutes': '{n} min',
	'done.label': 'Done',
	'done.labelFor': 'Mark “{title}” as done',
	'done.finished': 'I have finished this lesson',
	'lesson.number': 'Lesson {n}',
	'lesson.objectives': 'After this lesson you can',
	'lesson.prerequisites': 'Read first',
	'lesson.contents': 'Contents',
	'lesson.previous': 'Previous lesson',
	'lesson.next': 'Next lesson',
	'lesson.pager': 'Lessons',
	'reveal.show': 'Show the answer',
	'notFound.title': 'Page not found',
	'notFound.text':
		'There is no page at this address. It may have moved, or the link may be mistyped.',
	'notFound.home': 'Go to the course outline',
	'error.title': 'Something went wrong',
	'footer.about':
		'VirtLab is a static site: your progress and notebook edits stay in this browser.',
	'footer.models':
		'Costs labelled “model cycles” come from a documented cost model, not from a measurement.',
	// The notebook around a lesson's cells, sliders, plots and predictions
	'notebook.cell': 'Cell {n}',
	'notebook.cellHint': 'editable mathjs',
	'notebook.edited': 'edited',
	'notebook.undoEdit': 'Undo my edit',
	'notebook.result': 'Result',
	'notebook.error': 'Error',
	'notebook.reset': 'Reset to the lesson’s original',
	'notebook.resetDone': 'The lesson’s original cells and slider values are back.',
	'notebook.savedHere': 'Your cell edits and slider values are saved in this browser.',
	'notebook.notSaved': 'This browser is not saving your changes (storage is unavailable).',
	'notebook.listJoin': ' and ',
	'notebook.plotAlt': 'Line plot of {series} against {x}, from {from} to {to}.',
	'notebook.readoutLabel': 'Read the plot’s values',
	'notebook.readoutHint':
		'Point at the plot, or focus this box and press ← → to read other points.',
	'notebook.currentValue': 'At the slider’s current value. ',
	'notebook.yourPrediction': 'Your prediction',
	'notebook.check': 'Check',
	'notebook.notANumber': 'Type a number first.',
	'notebook.exact': 'Exactly right: the model gives {value}.',
	'notebook.close': 'Well predicted: the model gives {value}, and you are within {tolerance}.',
	'notebook.notExact': 'Not quite: the model gives {value}. Try the sliders to see why.',
	'notebook.far': 'Not within {tolerance}: the model gives {value}. Try the sliders to see why.',
	'notebook.logScale': 'log scale',
	'notebook.rightAxis': 'right axis',
	'notebook.pending': 'Calculating…',
	'notebook.stopped':
		'Not run: the cells above took longer than {seconds} s, so the rest were stopped to keep the page responsive.',
	'notebook.sweepStopped':
		'Stopped after {done} of {total} points: the cells took longer than {ms} ms to sweep, so the rest of the curve is left out to keep the page responsive.',
	'notebook.predictFirst':
		'Make your prediction first: the experiment opens below once you have checked it.',
	'notebook.checking': 'Checking…',
	// mathjs's error messages (src/lib/notebook/errors.ts): the English repeats mathjs's wording
	'mathError.or': ' or ',
	'mathError.atLineColumn': '{message} (line {line}, column {column})',
	'mathError.atChar': '{message} (char {char})',
	'mathError.inStatement': '{message} (in {statement})',
	'mathError.endOfExpression': 'Unexpected end of expression',
	'mathError.valueExpected': 'Value expected',
	'mathError.parenthesisExpected': 'Parenthesis {paren} expected',
	'mathError.endOfMatrix': 'End of matrix ] expected',
	'mathError.endOfString': 'End of string {quote} expected',
	'mathError.unexpectedOperator': 'Unexpected operator {operator}',
	'mathError.unexpectedPart': 'Unexpected part "{part}"',
	'mathError.invalidAssignment': 'Invalid left hand side of assignment operator {operator}',
	'mathError.falsePartExpected': 'False part of conditional expression expected',
	'mathError.objectValue': 'Comma , or bracket {bracket} expected after object value',
	'mathError.undefinedSymbol': 'Undefined symbol {name}',
	'mathError.undefinedFunction': 'Undefined function {name}',
	'mathError.tooManyArguments':
		'Too many arguments in function {fn} (expected: {expected}, actual: {actual})',
	'mathError.tooFewArguments':
		'Too few arguments in function {fn} (expected: {expected}, index: {index})',
	'mathError.wrongType':
		'Unexpected type of argument in function {fn} (expected: {expected}, actual: {actual}, index: {index})',
	'mathError.wrongCount':
		'Wrong number of arguments in function {fn} ({provided} provided, {expected} expected)',
	'mathError.notANumber': 'Cannot convert {value} to a number',
	'mathError.invalidNumber': 'String {value} is not a valid number',
	'mathError.unitsDiffer': 'Units do not match',
	'mathError.unitsDifferDetail': 'Units do not match ({detail})',
	'mathError.unitNotFound': 'Unit "{unit}" not found.',
	'mathError.indexOutOfRange': 'Index out of range ({detail})',
	'mathError.dimensionMismatch': 'Dimension mismatch ({detail})',
	'mathError.notSquare': 'Matrix must be square (size: {size})',
	'mathError.notAFunction': "'{name}' is not a function; its value is:\n{value}",
	'mathError.disabled': 'Function {fn} is disabled in lesson cells',
	'mathError.cellTooLong': 'This cell is longer than {max} characters',
	// The response-time explorer (queueing formulas against utilization)
	'responseExplorer.models': 'Models',
	'responseExplorer.servers': 'Servers c of M/M/c:',
	'responseExplorer.scv': 'Service variability of M/G/1 (SCV, 0 = constant, 1 = exponential):',
	'responseExplorer.logAxis': 'Logarithmic response-time axis',
	'responseExplorer.xLabel': 'Utilization of each server, ρ',
	'responseExplorer.readoutAt': 'ρ = {rho} %: ',
	'responseExplorer.noModelSelected': 'no model selected',
	'responseExplorer.noModel': 'no model',
	'responseExplorer.listJoin': ', ',
	'responseExplorer.altLinear':
		'Mean response time, in mean service times, against utilization from 0 to 99 % for {models}, on a linear axis. {readout}',
	'responseExplorer.altLog':
		'Mean response time, in mean service times, against utilization from 0 to 99 % for {models}, on a logarithmic axis. {readout}',
	'responseExplorer.readoutLabel': 'Read the response times at a utilization',
	'responseExplorer.readoutHint':
		'Point at the chart, or focus this box and press ← → to move along ρ.',
	// The VM placement visualizer (bin packing of VMs onto hosts)
	'placementViz.label': 'VM placement visualizer',
	'placementViz.firstFit': 'First fit',
	'placementViz.firstFitDecreasing': 'First fit decreasing',
	'placementViz.bestFit': 'Best fit',
	'placementViz.worstFit': 'Worst fit',
	'placementViz.heuristic': 'Heuristic',
	'placementViz.target': "Pack each host's CPU up to:",
	'placementViz.variability': 'Demand variability:',
	'placementViz.variabilityUnit': "the VMs' coefficients of variation",
	'placementViz.vmType': '{name} ({count} × {cpu} cores, {memory} GiB)',
	'placementViz.summary':
		'{algorithm} packs {vms, plural, one {# VM} other {# VMs}} onto {hosts, plural, one {# host} other {# hosts}} (at least {lowerBound} needed at this target), {ratio} VMs per host, mean CPU load {load}. Probability that some host is overloaded: {risk}.',
	'placementViz.binsAlt':
		'Hosts as bins: {hosts, plural, one {# host} other {# hosts}}, each with a CPU bar and a memory bar, stacked by the VMs placed on it (each kind of VM in its own colour and pattern). {summary}',
	'placementViz.xLabel':
		'Hosts 1…{hosts}: left bar CPU, right bar (translucent) memory, as a share of the host. Dashed line: packing target. Above each host: chance it is overloaded.',
	'placementViz.caption':
		'All four heuristics at this target. Overload risk: chance that some host is overloaded (Monte Carlo, 2,000 trials, model).',
	'placementViz.hosts': 'Hosts',
	'placementViz.vmsPerHost': 'VMs per host',
	'placementViz.cpuLoad': 'CPU load',
	'placementViz.overloadRisk': 'Overload risk',
	'placementViz.lowerBound':
		'Lower bound at this target: {lowerBound, plural, one {# host} other {# hosts}}.',
	// The memory overcommit dashboard (ballooning, page sharing, host swap)
	'memoryDashboard.label': 'Memory overcommit dashboard',
	'memoryDashboard.lineWanted': 'VM memory wanted',
	'memoryDashboard.lineCapacity': 'host memory for VMs',
	'memoryDashboard.lineShared': 'saved by page sharing',
	'memoryDashboard.lineBalloon': 'held by balloons',
	'memoryDashboard.lineSwapped': 'swapped by the host',
	'memoryDashboard.summary':
		'Host {host} GiB for 24 GiB of VMs ({overcommit}). Peaks: page sharing {shared} GiB, balloons {balloon} GiB, host swap {swapped} GiB. {vms}.',
	'memoryDashboard.summaryVm':
		'{name}: {swapIns, plural, one {# swap-in} other {# swap-ins}}, mean slowdown {slowdown}',
	'memoryDashboard.summaryJoin': '; ',
	'memoryDashboard.host': 'Host memory:',
	'memoryDashboard.hostOvercommit': 'for 24 GiB of VMs ({overcommit})',
	'memoryDashboard.tau': 'Idle memory tax τ:',
	'memoryDashboard.tauNote': '(0 = shares only)',
	'memoryDashboard.ballooning': 'Ballooning',
	'memoryDashboard.pageSharing': 'Page sharing',
	'memoryDashboard.scan': 'KSM pages per 20 ms',
	'memoryDashboard.memoryTitle': 'Memory over five minutes (GiB)',
	'memoryDashboard.listJoin': ', ',
	'memoryDashboard.memoryAlt': 'Memory over 300 seconds: {lines}. {summary}',
	'memoryDashboard.time': 'Time (s)',
	'memoryDashboard.slowdownTitle': 'Slowdown of each VM (1 = full speed; model)',
	'memoryDashboard.slowdownAlt': 'Slowdown of the VMs web, idle and batch over 300 seconds.',
	'memoryDashboard.caption': 'Per VM over the five minutes (model: 5 ms per swap-in)',
	'memoryDashboard.vm': 'VM',
	'memoryDashboard.swapIns': 'Swap-ins',
	'memoryDashboard.slowdown': 'Slowdown mean / max',
	'memoryDashboard.atEnd': 'At the end: balloon / shared (GiB)',
	'memoryDashboard.scanRate': 'Page sharing scans {rate} MiB/s ({pages} pages/s).',
	// The scheduler lab (vCPUs on pCPUs under several policies)
	'schedLab.label': 'Scheduler lab',
	'schedLab.rr': 'Round robin',
	'schedLab.credit': 'Xen credit',
	'schedLab.credit2': 'Xen credit2',
	'schedLab.cfs': 'CFS-like (vruntime)',
	'schedLab.coschedStrict': 'Strict co-scheduling',
	'schedLab.coschedRelaxed': 'Relaxed co-scheduling',
	'schedLab.summary':
		"{policy}, {vcpus, plural, one {# vCPU} other {# vCPUs}} on {pcpus, plural, one {# pCPU} other {# pCPUs}}: {vms}. Jain's index {jain}. Web requests p95 {p95} ms. Spin lost to lock-holder preemption {spinLost} ms.",
	'schedLab.summaryVm':
		'{name} uses {cpus} CPUs (entitled to {entitlement}), steal {steal} %, capped {capped} %',
	'schedLab.summaryJoin': '; ',
	'schedLab.runningModel': 'Running the model…',
	'schedLab.policy': 'Policy',
	'schedLab.pcpus': 'pCPUs:',
	'schedLab.pcpusRatio': '({ratio, plural, one {# vCPU} other {# vCPUs}} per pCPU)',
	'schedLab.slice': 'Time slice:',
	'schedLab.sliceNote': '(round robin, credit, co-scheduling)',
	'schedLab.vm': 'VM',
	'schedLab.weight': 'Weight',
	'schedLab.cap': 'Cap (% of a CPU)',
	'schedLab.vcpus': '({n, plural, one {# vCPU} other {# vCPUs}})',
	'schedLab.weightOf': 'Weight of {name}',
	'schedLab.capOf': 'Cap of {name}',
	'schedLab.noCap': 'none',
	'schedLab.running': 'Running…',
	'schedLab.modelNote': 'Model: {duration} ms simulated, 50 µs steps.',
	'schedLab.ganttTitle': 'What ran where, first {ms} ms',
	'schedLab.ganttAlt':
		'Gantt chart of {segments, plural, one {# stretch} other {# stretches}} of vCPUs running on {pcpus, plural, one {# pCPU} other {# pCPUs}} during the first {ms} ms. Each stretch wide enough is labelled with its vCPU; hatched stretches are spent spinning on a lock.',
	'schedLab.ganttX': "Time (ms). Labels name the vCPU that ran: web.0 is web's vCPU 0.",
	'schedLab.sharesTitle': 'CPU used against entitlement (CPUs)',
	'schedLab.used': 'used',
	'schedLab.entitled': 'entitled by weights and caps',
	'schedLab.sharesAlt': 'Bars of CPU used against entitlement: {vms}.',
	'schedLab.sharesVm': '{name} {cpus} of {entitlement}',
	'schedLab.listJoin': ', ',
	'schedLab.caption': 'Metrics over {duration} ms (model)',
	'schedLab.cpusUsed': 'CPUs used',
	'schedLab.entitledHeader': 'Entitled',
	'schedLab.steal': 'Steal',
	'schedLab.capped': 'Capped',
	'schedLab.stealNote':
		'Steal: time a vCPU could run and its cap allowed it, but other vCPUs held the pCPUs. Capped: time its own VM’s cap held it back, even with pCPUs idle. Both are percentages of the VM’s vCPU time; a Linux guest shows their sum as st.',
	'schedLab.entitledNote':
		'Entitled: what the weights give each VM if every VM wanted all it could use, never more than its vCPUs or its cap.',
	'schedLab.entitledRr':
		'Round robin ignores weights and gives every vCPU the same turn, so VMs are due shares in proportion to their vCPUs (web 1, batch 2, db 2).',
	'schedLab.entitledCredit':
		'Xen credit, as in Xen 3.x: a VM’s weight is shared by its vCPUs, so VMs of equal weight are due equal shares whatever their vCPU counts.',
	'schedLab.entitledCredit2':
		'Xen credit2 gives every vCPU its VM’s weight, so a VM with two busy vCPUs counts twice: at equal weights, batch and db are each due twice what web is.',
	'schedLab.entitledCfs':
		'CFS with a control group per VM (as libvirt sets up): the group’s weight is shared by its vCPUs, so VMs of equal weight are due equal shares.',
	'schedLab.entitledCosched':
		'Co-scheduling in this model shares by VM weight, as credit does: VMs of equal weight are due equal shares.',
	'schedLab.latency': 'Latency p50/p95/p99 (ms)',
	'schedLab.spinLost': 'Spin lost',
	'schedLab.spinOf': '{lost} of {total} ms',
	'schedLab.jain': "Jain's fairness index",
	'schedLab.busy': 'pCPUs busy {percent} %',
	// The queue simulator (discrete-event simulation against the queueing formulas)
	'queueSim.label': 'Queue simulator: {label}',
	'queueSim.rho': 'Utilization ρ of each server:',
	'queueSim.play': 'Play',
	'queueSim.pause': 'Pause',
	'queueSim.step': 'Step one event',
	'queueSim.runAll': 'Run all {n, plural, one {# customer} other {# customers}}',
	'queueSim.newSeed': 'New seed',
	'queueSim.speed': 'Speed',
	'queueSim.speedOption': '{s} service times / s',
	'queueSim.keys': 'Keys inside the simulator: P play or pause, S step, R run to the end.',
	'queueSim.arrivalServed': 't = {time}: a customer arrives and goes straight to server {server}.',
	'queueSim.arrivalQueued':
		't = {time}: a customer arrives and joins the queue ({waiting} waiting).',
	'queueSim.departure':
		't = {time}: a customer leaves server {server} after a response time of {response} ({waiting} waiting).',
	'queueSim.unstable': 'unstable',
	'queueSim.noMeasured':
		'no measured customers yet (the first {warmup, plural, one {# is} other {# are}} warm-up)',
	'queueSim.simulated': 'simulated W = {w} (warm-up left out)',
	'queueSim.simulatedWithCi':
		'simulated W = {w} (warm-up left out; 95% confidence interval {low} to {high})',
	'queueSim.summary':
		'{label} at ρ = {rho} %, {done, plural, other {#}} of {total, plural, one {# customer} other {# customers}}: {measured}; formula W = {formula}.',
	'queueSim.sceneAlt':
		'Animation of {label}: {waiting} customers waiting, {busy} of {servers} servers busy.',
	'queueSim.arrivals': 'arrivals',
	'queueSim.more': '+{n} more',
	'queueSim.served': 'Customers served',
	'queueSim.status':
		'{done, plural, other {#}} of {total, plural, one {# customer} other {# customers}} served · mean of all their response times (warm-up included) {mean}',
	'queueSim.histTitle': 'Response-time histogram (all departures so far)',
	'queueSim.histAlt':
		'Histogram of the {n, plural, one {# response time} other {# response times}} so far.',
	'queueSim.histAltMean':
		'Histogram of the {n, plural, one {# response time} other {# response times}} so far, mean {mean}.',
	'queueSim.mean': 'mean',
	'queueSim.histX': 'Response time (mean service times; last bar: everything beyond)',
	'queueSim.curveTitle': 'Mean response time W: formula and simulation',
	'queueSim.formula': '{label} formula',
	'queueSim.simulatedLegend':
		'simulated W with its 95% confidence interval (the last {max} runs; runs at the same ρ side by side, oldest on the left)',
	'queueSim.curveAlt':
		'Formula for the mean response time of {label} against utilization, with {n, plural, =0 {no completed simulation run} one {# completed simulation run} other {# completed simulation runs}}.',
	'queueSim.curveAltRuns':
		'Formula for the mean response time of {label} against utilization, with {n, plural, one {# completed simulation run} other {# completed simulation runs}}: {runs}.',
	'queueSim.run': 'at {rho} %, seed {seed}: W = {w}',
	'queueSim.runWithCi': 'at {rho} %, seed {seed}: W = {w} ({low} to {high})',
	'queueSim.listJoin': '; ',
	'queueSim.xLabel': 'Utilization of each server, ρ',
	'chart.showData': 'Show the data as a table',
	'responseExplorer.tableCaption':
		'Mean response time W / E[S] of each model at each utilization ρ',
	'queueSim.binColumn': 'Response time (mean service times)',
	'queueSim.countColumn': 'Customers',
	'queueSim.simulatedColumn': 'Simulated W',
	'queueSim.ciColumn': '95% confidence interval',
	'placementViz.hostsCaption':
		'Each host of the packing drawn: its VMs, and how full its CPU and memory are',
	'placementViz.hostColumn': 'Host',
	'placementViz.vmsColumn': 'VMs',
	'placementViz.cpuColumn': 'CPU',
	'placementViz.memoryColumn': 'Memory',
	'memoryDashboard.overcommitted': '{ratio}× overcommitted',
	'memoryDashboard.notOvercommitted': 'not overcommitted: the VMs need {percent} % of it',
	'memoryDashboard.wantedNote':
		'“VM memory wanted” is the memory of the running VMs less the pages that sharing has merged: it jumps when batch starts at 30 s, and drifts down as page sharing finds duplicate pages. The host’s two lines are drawn in the text colour; what reclaims memory, in colour.',
	'schedLab.spinLegend': 'spinning on a lock (long stretches: its holder was preempted)',
	'queueSim.meansNote':
		'Two means: the histogram’s counts every customer so far; the simulated W leaves out the first {warmup, plural, one {# customer} other {# customers}} (the warm-up, while the queue fills from empty), so the two differ, most early in a run.',
	'queueSim.seedNow': 'seed {seed}',
	'queueSim.seedColumn': 'Seed',
	'a11y.table': 'Table {n} (scrolls sideways)',
	'a11y.equation': 'Equation {n} (scrolls sideways)',
	'schedLab.vmControls': 'Weights and caps of the VMs'
} as const;

export type MessageKey = keyof typeof en;
