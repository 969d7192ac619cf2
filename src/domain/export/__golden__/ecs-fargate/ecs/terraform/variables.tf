variable "aws_region" {
  description = "Region to deploy to; the estimate was priced for this region."
  type        = string
  default     = "us-east-1"
}

variable "cluster_name" {
  description = "ECS cluster name, also the prefix of IAM role and capacity provider names."
  type        = string
  default     = "app-cluster"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,20}$", var.cluster_name))
    error_message = "Use 1-20 letters, digits, \"-\" or \"_\"."
  }
}

variable "vpc_id" {
  description = "VPC for the cluster (fill in)."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets (with a NAT gateway or VPC endpoints) for tasks, in at least two Availability Zones (fill in)."
  type        = list(string)
}

variable "public_subnet_ids" {
  description = "Public subnets for the load balancers: exactly 2, in 2 different Availability Zones (fill in)."
  type        = list(string)

  validation {
    condition     = length(var.public_subnet_ids) == 2
    error_message = "Give 2 public subnets, in 2 different Availability Zones: the estimate prices each ALB's public IPv4 addresses for 2 zones, and each further zone adds one billed address per ALB."
  }
}

variable "certificate_arn" {
  description = "ACM certificate ARN for the HTTPS listeners, covering the services' hosts (fill in)."
  type        = string
}
