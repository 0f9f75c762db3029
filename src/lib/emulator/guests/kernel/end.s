# end.s — included last: the end of the kernel image. Free pages start here (vm.s).
	.bss
	.balign 4096
kernel_end:
